using HaproxyNet.Tool;

return ToolMain.Run(args, Console.Out, Console.Error);
