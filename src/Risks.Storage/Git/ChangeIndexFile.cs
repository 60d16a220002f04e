using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using LibGit2Sharp;
using Risks.Storage.Files;

namespace Risks.Storage.Git;

/// <summary>
/// The change index as kept in <c>.git/risks/changes.idx</c>: laid out so that a new process can
/// answer a risk's history or a date straight from the file's bytes, without first turning 50,000
/// commits into objects. Fixed-size records after a header, all little-endian:
/// <list type="bullet">
/// <item>header: <c>RISKIDX3</c>, an XxHash3 of everything after it, the head the order was taken
/// from, and the number of ordered commits, commits, parents, changes, risks and postings and the
/// length of the string table;</item>
/// <item>commits (48 bytes each): id, committer time, first parent and count in the parent table,
/// first change and count in the change table, and the position of the first parent (-1: none,
/// or not among the ordered). The first <c>ordered</c> are every commit reachable from the head,
/// newest first, parents after children; the rest are indexed but not reachable from it;</item>
/// <item>parents (20 bytes each), changes (52 bytes each: path as offset and length in the string
/// table, whether there was a version before and after, and the two blob ids);</item>
/// <item>risks (16 bytes each, sorted by the UTF-8 bytes of the risk's identity, see
/// <c>RiskId.Identity</c>): the identity's offset and length in the string table and its postings;
/// postings: the changes to that risk's files among the ordered commits, newest first;</item>
/// <item>the string table: UTF-8.</item>
/// </list>
/// A file that is not this (an older layout, a damaged one, one cut short) is not used: the index
/// is built again from the commits. Each field is checked in range when the file is opened, so a
/// query never reads outside it.
/// </summary>
internal static class ChangeIndexFile
{
    private static readonly byte[] Magic = "RISKIDX3"u8.ToArray();
    private const int HeaderBytes = 8 + 8 + 20 + 4 * 8;
    private const int CommitBytes = 48;
    private const int ParentBytes = 20;
    private const int ChangeBytes = 52;
    private const int RiskBytes = 16;

    /// <summary>The file read and checked, or null when it is missing, unreadable, damaged or of another layout.</summary>
    public static View? TryOpen(string gitDir, string file)
    {
        try
        {
            // Looked at before it is read, as the register's files are: a named pipe here would make every history wait.
            var (bytes, _) = SafeFile.Read(gitDir, Path.GetRelativePath(gitDir, file), SafeFile.MaxStateBytes);
            return bytes is null ? null : View.Check(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // Not there, unreadable to this person, or damaged: the index is built again from the commits.
            return null;
        }
    }

    /// <summary>
    /// Writes every commit of <paramref name="commits"/>, those of <paramref name="reachable"/>
    /// first and in its order, to a file beside <paramref name="file"/> that then replaces it whole.
    /// </summary>
    public static void Write(string file, ChangeIndex.Ordered reachable, IReadOnlyDictionary<ObjectId, ChangeIndex.IndexedCommit> commits)
    {
        var all = reachable.Commits.Concat(commits.Values.Where(c => !reachable.Contains(c.Id))).ToList();
        var position = new Dictionary<ObjectId, int>(reachable.Commits.Count);
        for (var i = 0; i < reachable.Commits.Count; i++)
        {
            position[reachable.Commits[i].Id] = i;
        }

        var strings = new MemoryStream();
        var stringAt = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
        (int Offset, int Length) Intern(string text)
        {
            if (!stringAt.TryGetValue(text, out var at))
            {
                var encoded = Encoding.UTF8.GetBytes(text);
                at = ((int)strings.Length, encoded.Length);
                strings.Write(encoded);
                stringAt[text] = at;
            }

            return at;
        }

        var parentCount = all.Sum(c => c.Parents.Length);
        var changeCount = all.Sum(c => c.Changes.Length);
        var commitTable = new byte[all.Count * CommitBytes];
        var parentTable = new byte[parentCount * ParentBytes];
        var changeTable = new byte[changeCount * ChangeBytes];
        var byRisk = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int nextParent = 0, nextChange = 0;
        for (var i = 0; i < all.Count; i++)
        {
            var commit = all[i];
            var record = commitTable.AsSpan(i * CommitBytes, CommitBytes);
            commit.Id.RawId.CopyTo(record);
            BinaryPrimitives.WriteInt64LittleEndian(record[20..], commit.When);
            BinaryPrimitives.WriteInt32LittleEndian(record[28..], nextParent);
            BinaryPrimitives.WriteInt32LittleEndian(record[32..], commit.Parents.Length);
            BinaryPrimitives.WriteInt32LittleEndian(record[36..], nextChange);
            BinaryPrimitives.WriteInt32LittleEndian(record[40..], commit.Changes.Length);
            var firstParent = i < reachable.Commits.Count && commit.Parents.Length > 0 && position.TryGetValue(commit.Parents[0], out var p) ? p : -1;
            BinaryPrimitives.WriteInt32LittleEndian(record[44..], firstParent);
            foreach (var parent in commit.Parents)
            {
                parent.RawId.CopyTo(parentTable, nextParent++ * ParentBytes);
            }

            foreach (var change in commit.Changes)
            {
                var entry = changeTable.AsSpan(nextChange * ChangeBytes, ChangeBytes);
                var (offset, length) = Intern(change.Path);
                BinaryPrimitives.WriteInt32LittleEndian(entry, offset);
                BinaryPrimitives.WriteInt32LittleEndian(entry[4..], length);
                BinaryPrimitives.WriteInt32LittleEndian(entry[8..], (change.Before is null ? 0 : 1) | (change.After is null ? 0 : 2));
                change.Before?.RawId.CopyTo(entry[12..]);
                change.After?.RawId.CopyTo(entry[32..]);
                if (i < reachable.Commits.Count && RegisterLayout.Parse(change.Path) is { } place)
                {
                    var identity = place.Id.Identity;
                    if (!byRisk.TryGetValue(identity, out var postings))
                    {
                        byRisk[identity] = postings = [];
                    }

                    postings.Add(nextChange);
                }

                nextChange++;
            }
        }

        var risks = byRisk.Select(r => (Name: Encoding.UTF8.GetBytes(r.Key), Key: r.Key, Postings: r.Value)).ToList();
        risks.Sort((a, b) => a.Name.AsSpan().SequenceCompareTo(b.Name));
        var riskTable = new byte[risks.Count * RiskBytes];
        var postingTable = new byte[risks.Sum(r => r.Postings.Count) * 4];
        var nextPosting = 0;
        for (var r = 0; r < risks.Count; r++)
        {
            var entry = riskTable.AsSpan(r * RiskBytes, RiskBytes);
            var (offset, length) = Intern(risks[r].Key);
            BinaryPrimitives.WriteInt32LittleEndian(entry, offset);
            BinaryPrimitives.WriteInt32LittleEndian(entry[4..], length);
            BinaryPrimitives.WriteInt32LittleEndian(entry[8..], nextPosting);
            BinaryPrimitives.WriteInt32LittleEndian(entry[12..], risks[r].Postings.Count);
            foreach (var change in risks[r].Postings)
            {
                BinaryPrimitives.WriteInt32LittleEndian(postingTable.AsSpan(nextPosting++ * 4), change);
            }
        }

        var header = new byte[HeaderBytes];
        Magic.CopyTo(header, 0);
        reachable.Head.RawId.CopyTo(header, 16);
        int[] counts = [reachable.Commits.Count, all.Count, parentCount, changeCount, risks.Count, nextPosting, (int)strings.Length, 0];
        for (var c = 0; c < counts.Length; c++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(36 + c * 4), counts[c]);
        }

        var hash = new XxHash3();
        hash.Append(header.AsSpan(16));
        foreach (var table in new[] { commitTable, parentTable, changeTable, riskTable, postingTable })
        {
            hash.Append(table);
        }

        hash.Append(strings.GetBuffer().AsSpan(0, (int)strings.Length));
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(8), hash.GetCurrentHashAsUInt64());

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = $"{file}.{Environment.ProcessId}.tmp";
        using (var stream = File.Create(temp))
        {
            stream.Write(header);
            foreach (var table in new[] { commitTable, parentTable, changeTable, riskTable, postingTable })
            {
                stream.Write(table);
            }

            stream.Write(strings.GetBuffer().AsSpan(0, (int)strings.Length));
        }

        File.Move(temp, file, overwrite: true);
    }

    /// <summary>The file's bytes, checked, answering queries in place.</summary>
    internal sealed class View : ChangeIndex.Reachable
    {
        private readonly byte[] _bytes;
        private readonly int _ordered, _count, _parentCount, _changeCount, _riskCount, _postingCount, _stringBytes;
        private readonly int _commits, _parents, _changes, _risks, _postings, _strings;

        private View(byte[] bytes, int[] counts)
        {
            _bytes = bytes;
            (_ordered, _count, _parentCount, _changeCount, _riskCount, _postingCount, _stringBytes) = (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
            _commits = HeaderBytes;
            _parents = _commits + _count * CommitBytes;
            _changes = _parents + _parentCount * ParentBytes;
            _risks = _changes + _changeCount * ChangeBytes;
            _postings = _risks + _riskCount * RiskBytes;
            _strings = _postings + _postingCount * 4;
            Head = new ObjectId(bytes[16..36]);
        }

        public override ObjectId Head { get; }

        public override int Count => _ordered;

        public override int ChangeCount
        {
            get
            {
                var total = 0;
                for (var i = 0; i < _ordered; i++)
                {
                    total += Int(_commits + i * CommitBytes + 40);
                }

                return total;
            }
        }

        /// <summary>The file as a view, or FormatException when it is not one this program wrote whole.</summary>
        public static View Check(byte[] bytes)
        {
            if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            {
                throw new FormatException("not a change index of this layout");
            }

            var counts = new int[8];
            long length = HeaderBytes;
            long[] sizes = [0, CommitBytes, ParentBytes, ChangeBytes, RiskBytes, 4, 1, 0];
            for (var c = 0; c < counts.Length; c++)
            {
                counts[c] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(36 + c * 4));
                if (counts[c] < 0)
                {
                    throw new FormatException("a negative count");
                }

                length += counts[c] * sizes[c];
            }

            if (length != bytes.Length || counts[0] > counts[1] || counts[0] == 0)
            {
                throw new FormatException("the counts do not add up to the file's length");
            }

            if (XxHash3.HashToUInt64(bytes.AsSpan(16)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8)))
            {
                throw new FormatException("the checksum does not match");
            }

            var view = new View(bytes, counts);
            view.CheckRanges();
            return view;
        }

        /// <summary>Every index within its table, so that no query reads outside the file (the checksum guards against damage, this against a wrong writer).</summary>
        private void CheckRanges()
        {
            for (var i = 0; i < _count; i++)
            {
                var at = _commits + i * CommitBytes;
                Within(Int(at + 28), Int(at + 32), _parentCount);
                Within(Int(at + 36), Int(at + 40), _changeCount);
                var firstParent = Int(at + 44);
                if (firstParent < -1 || firstParent >= _ordered || (firstParent >= 0 && i >= _ordered))
                {
                    throw new FormatException("a first parent out of range");
                }
            }

            for (var c = 0; c < _changeCount; c++)
            {
                var at = _changes + c * ChangeBytes;
                Within(Int(at), Int(at + 4), _stringBytes);
            }

            for (var r = 0; r < _riskCount; r++)
            {
                var at = _risks + r * RiskBytes;
                Within(Int(at), Int(at + 4), _stringBytes);
                Within(Int(at + 8), Int(at + 12), _postingCount);
            }

            var orderedChanges = _ordered == _count ? _changeCount : Int(_commits + _ordered * CommitBytes + 36);
            for (var p = 0; p < _postingCount; p++)
            {
                var change = Int(_postings + p * 4);
                if (change < 0 || change >= orderedChanges)
                {
                    throw new FormatException("a posting out of range");
                }
            }
        }

        private static void Within(int start, int count, int limit)
        {
            if (start < 0 || count < 0 || (long)start + count > limit)
            {
                throw new FormatException("an entry out of range");
            }
        }

        private int Int(int at) => BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(at, 4));

        private ObjectId Id(int at) => new(_bytes[at..(at + 20)]);

        public override IEnumerable<(ChangeIndex.IndexedCommit Commit, ChangeIndex.FileChange Change)> Touching(string identity)
        {
            var wanted = Encoding.UTF8.GetBytes(identity);
            int low = 0, high = _riskCount - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var at = _risks + middle * RiskBytes;
                var order = _bytes.AsSpan(_strings + Int(at), Int(at + 4)).SequenceCompareTo(wanted);
                if (order == 0)
                {
                    return Postings(Int(at + 8), Int(at + 12));
                }

                if (order < 0)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            return [];
        }

        private List<(ChangeIndex.IndexedCommit, ChangeIndex.FileChange)> Postings(int start, int count)
        {
            var found = new List<(ChangeIndex.IndexedCommit, ChangeIndex.FileChange)>(count);
            var commit = 0;
            for (var p = start; p < start + count; p++)
            {
                var change = Int(_postings + p * 4);

                // Postings are in the commits' order, so the commit holding each is found by walking on.
                while (Int(_commits + commit * CommitBytes + 36) + Int(_commits + commit * CommitBytes + 40) <= change)
                {
                    commit++;
                }

                var indexed = CommitAt(commit, new Dictionary<int, string>());
                found.Add((indexed, indexed.Changes[change - Int(_commits + commit * CommitBytes + 36)]));
            }

            return found;
        }

        public override ObjectId? LastOnOrBefore(DateTimeOffset end)
        {
            var limit = end.ToUnixTimeSeconds();
            var position = 0;
            while (position >= 0)
            {
                var at = _commits + position * CommitBytes;
                if (BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan(at + 20, 8)) <= limit)
                {
                    return Id(at);
                }

                position = Int(at + 44);
            }

            return null;
        }

        /// <summary>Every commit as objects, and the order from the head, for an index that is to grow.</summary>
        public ChangeIndex.Ordered Load(Dictionary<ObjectId, ChangeIndex.IndexedCommit> into)
        {
            var paths = new Dictionary<int, string>();
            var order = new List<ChangeIndex.IndexedCommit>(_ordered);
            for (var i = 0; i < _count; i++)
            {
                var commit = CommitAt(i, paths);
                into[commit.Id] = commit;
                if (i < _ordered)
                {
                    order.Add(commit);
                }
            }

            return new ChangeIndex.Ordered(Head, order);
        }

        private ChangeIndex.IndexedCommit CommitAt(int index, Dictionary<int, string> paths)
        {
            var at = _commits + index * CommitBytes;
            var parents = new ObjectId[Int(at + 32)];
            for (var p = 0; p < parents.Length; p++)
            {
                parents[p] = Id(_parents + (Int(at + 28) + p) * ParentBytes);
            }

            var changes = new ChangeIndex.FileChange[Int(at + 40)];
            for (var c = 0; c < changes.Length; c++)
            {
                var entry = _changes + (Int(at + 36) + c) * ChangeBytes;
                var offset = Int(entry);
                if (!paths.TryGetValue(offset, out var path))
                {
                    paths[offset] = path = Encoding.UTF8.GetString(_bytes, _strings + offset, Int(entry + 4));
                }

                var flags = Int(entry + 8);
                changes[c] = new ChangeIndex.FileChange(path, (flags & 1) != 0 ? Id(entry + 12) : null, (flags & 2) != 0 ? Id(entry + 32) : null);
            }

            return new ChangeIndex.IndexedCommit(Id(at), parents, BinaryPrimitives.ReadInt64LittleEndian(_bytes.AsSpan(at + 20, 8)), changes);
        }
    }
}
