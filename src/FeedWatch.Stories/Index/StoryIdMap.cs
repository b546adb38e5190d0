namespace FeedWatch.Stories.Index;

/// <summary>
/// Story id → slot without a string key per story: an open-addressing table of slots (4 bytes an entry, at most 3/4
/// full, grown in ×1.5 steps so it keeps less free room than a power-of-two table) whose ids live in the
/// <see cref="IdArena"/>; a look-up compares the id's characters in place. Linear probing with backward-shift deletion
/// (no tombstones).
/// </summary>
internal sealed class StoryIdMap(Func<int, int> idHandleOfSlot, Func<IdArena> ids)
{
    private int[] _entries = new int[1024]; // slot + 1; 0 = empty

    public int Count { get; private set; }

    /// <summary>Slots of the table (grows ×1.5 once it would be more than 3/4 full).</summary>
    public int Slots => _entries.Length;

    public long MemoryBytes => 24 + (_entries.Length * 4L);

    public bool TryGet(ReadOnlySpan<char> id, out int slot)
    {
        var arena = ids();
        for (var e = Home(IdArena.HashOf(id)); _entries[e] != 0; e = Next(e))
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
            Resize(_entries.Length + (_entries.Length / 2));
        }

        Insert(slot);
        Count++;
    }

    public void Remove(int slot)
    {
        for (var e = HomeOfSlot(slot); _entries[e] != 0; e = Next(e))
        {
            if (_entries[e] == slot + 1)
            {
                Delete(e);
                Count--;
                return;
            }
        }
    }

    // Multiply-high range reduction: maps the mixed hash onto [0, size) for any size.
    private int Home(uint hash) => (int)(((Text.StableHash.Mix(hash) >> 32) * (uint)_entries.Length) >> 32);

    private int Next(int e) => ++e == _entries.Length ? 0 : e;

    private int Distance(int from, int to) => to >= from ? to - from : to - from + _entries.Length;

    private int HomeOfSlot(int slot) => Home(ids().HashOf(idHandleOfSlot(slot)));

    private void Insert(int slot)
    {
        var e = HomeOfSlot(slot);
        while (_entries[e] != 0)
        {
            e = Next(e);
        }

        _entries[e] = slot + 1;
    }

    private void Delete(int hole)
    {
        var next = Next(hole);
        while (_entries[next] != 0)
        {
            var home = HomeOfSlot(_entries[next] - 1);
            var homeAfterHole = Distance(hole, home) is var d && d != 0 && d <= Distance(hole, next);
            if (!homeAfterHole)
            {
                _entries[hole] = _entries[next];
                hole = next;
            }

            next = Next(next);
        }

        _entries[hole] = 0;
    }

    private void Resize(int size)
    {
        var old = _entries;
        _entries = new int[size];
        foreach (var entry in old)
        {
            if (entry != 0)
            {
                Insert(entry - 1);
            }
        }
    }
}
