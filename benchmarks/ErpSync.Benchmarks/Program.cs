Console.WriteLine("benchmarks: not ready yet");
