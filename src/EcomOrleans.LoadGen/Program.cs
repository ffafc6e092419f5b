Console.WriteLine(EcomOrleans.LoadGen.Datasets.DatasetRegistry.All.Count);
