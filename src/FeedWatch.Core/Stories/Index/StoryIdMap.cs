namespace FeedWatch.Core.Stories.Index;

/// <summary>
/// Story id → slot without a string key per story: an open-addressing table of slots (4 bytes an entry, at most 3/4
/// full) whose ids live in the <see cref="IdArena"/>; a look-up compares the id's characters in place. Linear probing
/// with backward-shift deletion (no tombstones).
/// </summary>
internal sealed class StoryIdMap(Func<int, int> idHandleOfSlot, Func<IdArena> ids)
{
    private int[] _entries = new int[1024]; // slot + 1; 0 = empty
    private int _mask = 1023;

    public int Count { get; private set; }

    public long MemoryBytes => 24 + (_entries.Length * 4L);

    public bool TryGet(ReadOnlySpan<char> id, out int slot)
    {
        var arena = ids();
        for (var e = Home(IdArena.HashOf(id)); _entries[e] != 0; e = (e + 1) & _mask)
        {
            var candidate = _entries[e] - 1;
            if (arena.Equals(idHandleOfSlot(candidate), id))
            {
                slot = candidate;
                return true;
            }
        }

        slot = -1;
        return false;
    }

    /// <summary>Adds a slot whose id (already stored in the arena) is not in the map yet.</summary>
    public void Add(int slot)
    {
        if ((Count + 1) * 4 > _entries.Length * 3)
        {
            Resize(_entries.Length * 2);
        }

        Insert(slot);
        Count++;
    }

    public void Remove(int slot)
    {
        for (var e = HomeOfSlot(slot); _entries[e] != 0; e = (e + 1) & _mask)
        {
            if (_entries[e] == slot + 1)
            {
                Delete(e);
                Count--;
                return;
            }
        }
    }

    private int Home(uint hash) => (int)Text.StableHash.Mix(hash) & _mask;

    private int HomeOfSlot(int slot) => Home(ids().HashOf(idHandleOfSlot(slot)));

    private void Insert(int slot)
    {
        var e = HomeOfSlot(slot);
        while (_entries[e] != 0)
        {
            e = (e + 1) & _mask;
        }

        _entries[e] = slot + 1;
    }

    private void Delete(int hole)
    {
        var next = (hole + 1) & _mask;
        while (_entries[next] != 0)
        {
            var home = HomeOfSlot(_entries[next] - 1);
            var homeAfterHole = ((home - hole) & _mask) != 0 && ((home - hole) & _mask) <= ((next - hole) & _mask);
            if (!homeAfterHole)
            {
                _entries[hole] = _entries[next];
                hole = next;
            }

            next = (next + 1) & _mask;
        }

        _entries[hole] = 0;
    }

    private void Resize(int size)
    {
        var old = _entries;
        _entries = new int[size];
        _mask = size - 1;
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                Insert(entry - 1);
            }
        }
    }
}
