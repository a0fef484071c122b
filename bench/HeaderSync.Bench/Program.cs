using HeaderSync.Bench;

return await BenchProgram.RunAsync(args);
