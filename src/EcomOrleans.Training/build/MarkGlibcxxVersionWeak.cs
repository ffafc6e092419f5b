// Compiled by MSBuild's RoslynCodeTaskFactory (see LibTorchSharpGlibcxx.targets), not by the project.
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MarkGlibcxxVersionWeak : Task
{
    private const uint ShtRela = 4;
    private const uint ShtRel = 9;
    private const uint ShtDynsym = 11;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlagWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string VersionName { get; set; } = "";

    public override bool Execute()
    {
        var systemLib = LibStdCxxCandidates.FirstOrDefault(File.Exists);
        if (systemLib is null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++ found; leaving libLibTorchSharp.so as shipped.");
            return true;
        }

        if (Contains(File.ReadAllBytes(systemLib), Encoding.ASCII.GetBytes(VersionName + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLib} provides {VersionName}; no patch needed.");
            return true;
        }

        foreach (var item in Libraries)
        {
            if (!Patch(item.ItemSpec))
            {
                return false;
            }
        }

        return !Log.HasLoggedErrors;
    }

    private bool Patch(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError($"{path} is not a little-endian ELF64 file.");
            return false;
        }

        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A);
        int shnum = BitConverter.ToUInt16(elf, 0x3C);
        Func<int, long> header = i => shoff + (long)i * shentsize;
        Func<int, uint> type = i => BitConverter.ToUInt32(elf, (int)header(i) + 4);
        Func<int, long> offset = i => (long)BitConverter.ToUInt64(elf, (int)header(i) + 0x18);
        Func<int, long> size = i => (long)BitConverter.ToUInt64(elf, (int)header(i) + 0x20);
        Func<int, int> link = i => (int)BitConverter.ToUInt32(elf, (int)header(i) + 0x28);
        Func<int, int> info = i => (int)BitConverter.ToUInt32(elf, (int)header(i) + 0x2C);

        var verneed = Enumerable.Range(0, shnum).FirstOrDefault(i => type(i) == ShtGnuVerneed);
        var versym = Enumerable.Range(0, shnum).FirstOrDefault(i => type(i) == ShtGnuVersym);
        var dynsym = Enumerable.Range(0, shnum).FirstOrDefault(i => type(i) == ShtDynsym);
        if (verneed == 0 || versym == 0 || dynsym == 0)
        {
            Log.LogError($"{path} has no .gnu.version_r, .gnu.version or .dynsym section.");
            return false;
        }

        var strtab = offset(link(verneed));
        var entry = offset(verneed);
        for (var n = 0; n < info(verneed); n++)
        {
            int count = BitConverter.ToUInt16(elf, (int)entry + 2);
            var aux = entry + BitConverter.ToUInt32(elf, (int)entry + 8);
            for (var a = 0; a < count; a++)
            {
                var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                var index = BitConverter.ToUInt16(elf, (int)aux + 6);
                var name = ReadString(elf, strtab + BitConverter.ToUInt32(elf, (int)aux + 8));
                if (name == VersionName)
                {
                    if ((flags & VerFlagWeak) != 0)
                    {
                        Log.LogMessage(MessageImportance.Low, $"{path}: {VersionName} is already weak.");
                        return true;
                    }

                    var relocated = RelocatedSymbolCount(elf, shnum, type, offset, size, link, dynsym, offset(versym), index);
                    if (relocated > 0)
                    {
                        Log.LogError($"{path}: {relocated} relocation(s) need symbols of {VersionName}; refusing to mark it weak.");
                        return false;
                    }

                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                    // Replace the file rather than write in place, so a hard link into the package cache is never edited.
                    var temp = path + ".weak";
                    File.WriteAllBytes(temp, elf);
                    File.Delete(path);
                    File.Move(temp, path);
                    Log.LogMessage(MessageImportance.High, $"Marked {VersionName} weak in {path} (system libstdc++ lacks it).");
                    return true;
                }

                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }

            entry += BitConverter.ToUInt32(elf, (int)entry + 12);
        }

        Log.LogMessage(MessageImportance.Low, $"{path} does not ask for {VersionName}.");
        return true;
    }

    private static int RelocatedSymbolCount(
        byte[] elf, int shnum, Func<int, uint> type, Func<int, long> offset, Func<int, long> size,
        Func<int, int> link, int dynsym, long versymOffset, ushort versionIndex)
    {
        var count = 0;
        for (var s = 0; s < shnum; s++)
        {
            if ((type(s) != ShtRela && type(s) != ShtRel) || link(s) != dynsym)
            {
                continue;
            }

            var stride = type(s) == ShtRela ? 24 : 16;
            for (var r = offset(s); r < offset(s) + size(s); r += stride)
            {
                var symbol = (long)(BitConverter.ToUInt64(elf, (int)r + 8) >> 32);
                if (symbol != 0 && (BitConverter.ToUInt16(elf, (int)(versymOffset + symbol * 2)) & 0x7fff) == versionIndex)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static string ReadString(byte[] data, long start)
    {
        var end = start;
        while (data[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(data, (int)start, (int)(end - start));
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }

            if (j == needle.Length)
            {
                return true;
            }
        }

        return false;
    }
}
