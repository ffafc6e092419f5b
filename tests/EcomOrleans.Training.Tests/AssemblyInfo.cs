// TorchSharp's random generator (torch.random.manual_seed) is global to the process. Tests that
// seed it and then train must not interleave with other tests drawing from it, or two runs with
// the same seed stop being the same run; so this assembly's tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
