namespace FeedWatch.Stories.Index;

/// <summary>
/// Where the <see cref="BandTable"/> gets band keys back from (it stores only a short tag of each key): the band keys
/// of one representative, and every live representative (to rebuild the table).
/// </summary>
internal interface IBandKeySource
{
    /// <summary>Writes the band keys of the representative into <paramref name="into"/> (room for 64) and returns how many.</summary>
    int KeysOf(int representativeSlot, Span<uint> into);

    IEnumerable<int> LiveRepresentatives();
}
