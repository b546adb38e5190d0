namespace FeedWatch.Stories.Index;

/// <summary>Band keys of the representatives in a <see cref="StoryStore"/>, recomputed from their stored MinHash.</summary>
internal sealed class StoredBandKeys(StoryStore store, int rowsPerBand) : IBandKeySource
{
    public int KeysOf(int representativeSlot, Span<uint> into) => LshBands.Keys(store.MinHash(representativeSlot), rowsPerBand, into);

    public IEnumerable<int> LiveRepresentatives() => store.LiveRepresentativeSlots();
}
