using System.Runtime.CompilerServices;
using FeedWatch.Stories.Fingerprints;

namespace FeedWatch.Stories.Index;

/// <summary>A representative's MinHash sketch held inline in its record (<see cref="MinHashSketch.Bins"/> 16-bit bins, 128 bytes).</summary>
[InlineArray(MinHashSketch.Bins)]
internal struct MinHashBins
{
    private ushort _bin;
}
