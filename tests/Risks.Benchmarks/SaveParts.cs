using System.Diagnostics;
using System.Text;
using LibGit2Sharp;
using Risks.Storage.Git;
using Risks.Storage.Yaml;

namespace Risks.Benchmarks;

/// <summary>
/// Where a save's time goes: the steps of <c>RegisterStore.CommitFiles</c> done one by one
/// with LibGit2Sharp on the same register, each timed. A diagnostic beside the timed
/// <c>Save()</c> calls, run after them (it makes real commits).
/// </summary>
internal static class SaveParts
{
    public static Dictionary<string, List<double>> Measure(string root, IReadOnlyList<StoredRisk> risks, int count)
    {
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var watch = new Stopwatch();
        void Lap(string name, bool keep)
        {
            if (keep)
            {
                if (!times.TryGetValue(name, out var list))
                {
                    times[name] = list = [];
                }

                list.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
        }

        for (var i = 0; i <= count; i++)
        {
            var keep = i > 0;
            var stored = risks[(i * 97 + 11) % risks.Count];
            var path = stored.Path;
            var content = Encoding.UTF8.GetBytes(RiskYaml.Write(stored.Risk with { Performance = $"Probe {i}" }));
            var file = Path.Combine(root, path);
            watch.Restart();

            // The journal, as CommitFiles writes it: the file's path, new blob id and previous bytes.
            var journal = Path.Combine(root, ".git", "risks-journal.json");
            var entry = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new[] { new { Path = path, Version = BlobId.Of(content), Previous = Convert.ToBase64String(File.ReadAllBytes(file)) } });
            using (var stream = new FileStream(journal + ".probe.tmp", FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(entry);
                stream.Flush(flushToDisk: true);
            }

            File.Move(journal + ".probe.tmp", journal, overwrite: true);
            Lap("write the journal (previous bytes, fsync, rename)", keep);

            var temp = Path.Combine(Path.GetDirectoryName(file)!, $".{Path.GetFileName(file)}.probe.tmp");
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
            Lap("write the file (temp, fsync, rename)", keep);

            using var repo = new Repository(root);
            var parent = repo.Head.Tip;
            Lap("open the repository and read HEAD", keep);

            var tree = TreeDefinition.From(parent.Tree);
            using (var blob = new MemoryStream(content, writable: false))
            {
                tree.Add(path, repo.ObjectDatabase.CreateBlob(blob), Mode.NonExecutableFile);
            }

            var newTree = repo.ObjectDatabase.CreateTree(tree);
            Lap("blob + TreeDefinition.From(HEAD) + CreateTree", keep);

            var signature = new Signature("Benchmark", "bench@bench.example", DateTimeOffset.Now);
            var commit = repo.ObjectDatabase.CreateCommit(signature, signature, $"Probe {i}\n", newTree, [parent], prettifyMessage: false);
            Lap("CreateCommit", keep);

            repo.Refs.UpdateTarget(repo.Refs["refs/heads/main"], commit.Id, "commit: probe");
            Lap("update the branch and its reflog", keep);

            repo.Index.Add(path);
            Lap("Index.Add (loads the whole index)", keep);

            repo.Index.Write();
            Lap("Index.Write (rewrites the whole index)", keep);

            File.Delete(journal);
            Lap("remove the journal", keep);
        }

        return times;
    }
}
