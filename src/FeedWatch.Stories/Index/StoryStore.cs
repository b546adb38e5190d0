using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Queries;

namespace FeedWatch.Stories.Index;

/// <summary>
/// Where the active index keeps its stories and representatives: flat slabs of records indexed by slot (freed slots
/// are reused), representatives' slots per story in a parallel slab, representatives with their MinHash sketches inline, centroids in
/// the <see cref="CentroidArena"/>, ids in the <see cref="IdArena"/> with an id → slot table over it, outlets interned.
/// No object, list or array per story or per representative. Not thread-safe.
/// </summary>
internal sealed class StoryStore
{
    private readonly PagedArray<StoryRecord> _stories = new();
    private readonly PagedArray<int> _repBlocks = new();
    private readonly Stack<int> _freeRepBlocks = new();
    private readonly PagedArray<RepresentativeRecord> _reps = new();
    private readonly Stack<int> _freeStories = new();
    private readonly Stack<int> _freeReps = new();
    private readonly List<string> _outlets = [];
    private readonly Dictionary<string, int> _outletIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<int, StoryQuery> _queries = [];
    private readonly StoryIdMap _byId;
    private readonly int _repStride;
    private int _repBlockCount;
    private IdArena _ids = new();

    public StoryStore(int representativesPerStory)
    {
        RepresentativesPerStory = Math.Clamp(representativesPerStory, 1, byte.MaxValue);
        // A power-of-two stride keeps each story's run of slots inside one page of the slab.
        _repStride = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)RepresentativesPerStory);
        _byId = new StoryIdMap(slot => _stories[slot].Id, () => _ids);
    }

    public int RepresentativesPerStory { get; }

    public CentroidArena Centroids { get; } = new();

    /// <summary>The term dictionary the centroids (and the engine's term postings) index terms by.</summary>
    public TermDictionary Terms { get; } = new();

    /// <summary>One past the highest story slot ever used (bounds slot-indexed scratch arrays).</summary>
    public int StorySlots { get; private set; }

    public int RepresentativeSlots { get; private set; }

    public int LiveStories => _byId.Count;

    public int LiveRepresentatives { get; private set; }

    /// <summary>Query-tracked stories by slot.</summary>
    public IReadOnlyDictionary<int, StoryQuery> Queries => _queries;

    public ref StoryRecord Story(int slot) => ref _stories[slot];

    public ref RepresentativeRecord Representative(int repSlot) => ref _reps[repSlot];

    public bool TryFind(string storyId, out int slot) => _byId.TryGet(storyId, out slot);

    public string IdOf(int slot) => _ids.Get(_stories[slot].Id);

    public string? OriginArticleIdOf(int slot) => _stories[slot].OriginArticleId is >= 0 and var h ? _ids.Get(h) : null;

    public string? OriginOutletOf(int slot) => _stories[slot].OriginOutlet is >= 0 and var o ? _outlets[o] : null;

    public string ArticleIdOf(int repSlot) => _ids.Get(_reps[repSlot].ArticleId);

    public bool IsArticle(int repSlot, string articleId) => _ids.Equals(_reps[repSlot].ArticleId, articleId);

    public string OutletOf(int repSlot) => _outlets[_reps[repSlot].Outlet];

    public ReadOnlySpan<ushort> MinHash(int repSlot) => _reps[repSlot].MinHash;

    /// <summary>
    /// The story's representative slots; index 0 is the origin article. A lone one is read from the story record
    /// itself (most stories have one article), more from the story's block. Valid until the story's representatives
    /// change.
    /// </summary>
    public Span<int> Representatives(int slot)
    {
        ref var story = ref _stories[slot];
        return story.RepresentativeCount <= 1
            ? System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref story.Representatives, story.RepresentativeCount)
            : _repBlocks.Slice(story.Representatives * _repStride, story.RepresentativeCount);
    }

    public StoryQuery? QueryOf(int slot) => _queries.GetValueOrDefault(slot);

    public void SetQuery(int slot, StoryQuery query) => _queries[slot] = query;

    public IEnumerable<int> LiveStorySlots()
    {
        for (var slot = 0; slot < StorySlots; slot++)
        {
            if (_stories[slot].IsLive)
            {
                yield return slot;
            }
        }
    }

    public IEnumerable<int> LiveRepresentativeSlots()
    {
        for (var repSlot = 0; repSlot < RepresentativeSlots; repSlot++)
        {
            if (_reps[repSlot].IsLive)
            {
                yield return repSlot;
            }
        }
    }

    public int CreateStory(string storyId)
    {
        if (_freeStories.Count == 0 && StorySlots > TermPostings.MaxValue)
        {
            throw new InvalidOperationException($"An engine holds at most {TermPostings.MaxValue + 1L:N0} active stories; expire stories (a shorter active window) or run more engines.");
        }

        var slot = _freeStories.Count > 0 ? _freeStories.Pop() : StorySlots++;
        _stories.EnsureCapacity(slot);
        _stories[slot] = new StoryRecord
        {
            Id = _ids.Add(storyId),
            OriginArticleId = -1,
            OriginOutlet = -1,
            EventYear = int.MinValue,
            FirstSeenTicks = StoredDate.None,
            LastSeenTicks = StoredDate.None,
            Tracking = StoryTracking.Discovered,
        };
        _byId.Add(slot);
        return slot;
    }

    /// <summary>Frees the story's slot, centroid block and ids (its representatives must be removed first).</summary>
    public void RemoveStory(int slot)
    {
        ref var story = ref _stories[slot];
        _byId.Remove(slot);
        ReleaseCentroidTerms(ref story);
        Centroids.Free(story.CentroidBlock, story.CentroidCount);
        _ids.Release(story.Id);
        if (story.OriginArticleId >= 0)
        {
            _ids.Release(story.OriginArticleId);
        }

        _queries.Remove(slot);
        story = new StoryRecord { Id = -1 };
        _freeStories.Push(slot);
    }

    /// <summary>Sets the origin; its id shares the entry of a representative of the same article when there is one.</summary>
    public void SetOrigin(int slot, string? articleId, string? outlet)
    {
        ref var story = ref _stories[slot];
        story.OriginOutlet = outlet is null ? -1 : InternOutlet(outlet);
        if (story.OriginArticleId >= 0)
        {
            if (articleId is not null && _ids.Equals(story.OriginArticleId, articleId))
            {
                return;
            }

            _ids.Release(story.OriginArticleId);
            story.OriginArticleId = -1;
        }

        if (articleId is null)
        {
            return;
        }

        foreach (var repSlot in Representatives(slot))
        {
            if (IsArticle(repSlot, articleId))
            {
                story.OriginArticleId = _reps[repSlot].ArticleId;
                _ids.AddReference(story.OriginArticleId);
                return;
            }
        }

        story.OriginArticleId = _ids.Add(articleId);
    }

    /// <summary>Appends a representative to the story (the caller keeps the count within <see cref="RepresentativesPerStory"/>).</summary>
    public int AddRepresentative(int slot, string articleId, string outlet, DateTimeOffset? published, ReadOnlySpan<ushort> minHash, int shingleCount)
    {
        ref var story = ref _stories[slot];
        if (story.RepresentativeCount >= RepresentativesPerStory)
        {
            throw new InvalidOperationException("The story already holds its maximum of representatives.");
        }

        var repSlot = _freeReps.Count > 0 ? _freeReps.Pop() : RepresentativeSlots++;
        _reps.EnsureCapacity(repSlot);
        // The origin's id entry is shared when the representative is the origin article.
        int idHandle;
        if (story.OriginArticleId >= 0 && _ids.Equals(story.OriginArticleId, articleId))
        {
            idHandle = story.OriginArticleId;
            _ids.AddReference(idHandle);
        }
        else
        {
            idHandle = _ids.Add(articleId);
        }

        _reps[repSlot] = new RepresentativeRecord { StorySlot = slot, ArticleId = idHandle, Outlet = InternOutlet(outlet), ShingleCount = shingleCount, Published = published };
        minHash.CopyTo(_reps[repSlot].MinHash);
        if (story.RepresentativeCount == 0)
        {
            story.Representatives = repSlot;
        }
        else
        {
            if (story.RepresentativeCount == 1)
            {
                // The second one: both move into a block.
                var block = _freeRepBlocks.Count > 0 ? _freeRepBlocks.Pop() : _repBlockCount++;
                _repBlocks.EnsureCapacity(((block + 1) * _repStride) - 1);
                _repBlocks[block * _repStride] = story.Representatives;
                story.Representatives = block;
            }

            _repBlocks[(story.Representatives * _repStride) + story.RepresentativeCount] = repSlot;
        }

        story.RepresentativeCount++;
        LiveRepresentatives++;
        return repSlot;
    }

    /// <summary>Drops the story's representative at <paramref name="index"/> (later ones move up) and frees its slot.</summary>
    public void RemoveRepresentativeAt(int slot, int index)
    {
        var reps = Representatives(slot);
        var repSlot = reps[index];
        reps[(index + 1)..].CopyTo(reps[index..]);
        ref var story = ref _stories[slot];
        if (story.RepresentativeCount == 2)
        {
            // One left: back into the record, and the block is free.
            var block = story.Representatives;
            story.Representatives = reps[0];
            _freeRepBlocks.Push(block);
        }

        story.RepresentativeCount--;
        FreeRepresentative(repSlot);
    }

    /// <summary>Frees every representative slot of the story (when it leaves the index).</summary>
    public void ClearRepresentatives(int slot)
    {
        foreach (var repSlot in Representatives(slot))
        {
            FreeRepresentative(repSlot);
        }

        ref var story = ref _stories[slot];
        if (story.RepresentativeCount > 1)
        {
            _freeRepBlocks.Push(story.Representatives);
        }

        story.RepresentativeCount = 0;
    }

    /// <summary>The centroid decoded (IDF-free weights as stored, i.e. rounded); non-word terms come back as names.</summary>
    public TopicVector Centroid(int slot)
    {
        ref var story = ref _stories[slot];
        var count = story.CentroidCount;
        var words = Centroids.Terms(story.CentroidBlock, count);
        var terms = new uint[count];
        var weights = new float[count];
        var kinds = new TermKind[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = Terms.TermOf(CentroidWord.TermIndex(words[i]));
            weights[i] = CentroidCodec.DecodeWeight(CentroidWord.WeightCode(words[i]), story.WeightScale);
            kinds[i] = CentroidWord.IsName(words[i]) ? TermKind.Name : TermKind.Word;
        }

        return new TopicVector(terms, weights, kinds);
    }

    public float[] CentroidIdf(int slot)
    {
        ref var story = ref _stories[slot];
        var codes = Centroids.Idf(story.CentroidBlock, story.CentroidCount);
        var idf = new float[codes.Length];
        for (var i = 0; i < idf.Length; i++)
        {
            idf[i] = CentroidCodec.DecodeIdf(codes[i]);
        }

        return idf;
    }

    /// <summary>
    /// Stores the centroid (terms sorted by id), its weights rounded to their codes; set the IDF next with
    /// <see cref="SetCentroidIdf"/>. The block is reused when the length is unchanged. The new terms' dictionary
    /// references are taken before the old ones are given back, so a term the story keeps never changes index.
    /// </summary>
    public void SetCentroid(int slot, TopicVector centroid)
    {
        ArgumentNullException.ThrowIfNull(centroid);
        ref var story = ref _stories[slot];
        if (centroid.Count > CentroidArena.MaxBlock || centroid.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"A centroid holds at most {ushort.MaxValue} terms.", nameof(centroid));
        }

        var scale = CentroidCodec.ScaleOf(centroid.Weights);
        var packed = centroid.Count <= 512 ? stackalloc uint[centroid.Count] : new uint[centroid.Count];
        for (var i = 0; i < centroid.Count; i++)
        {
            // Term ids always have their lowest bit set (a profile written by hand may not: it is forced, as it always was).
            packed[i] = CentroidWord.Pack(
                Terms.Acquire(centroid.Terms[i] | 1u),
                centroid.Kinds[i] != TermKind.Word,
                CentroidCodec.EncodeWeight(centroid.Weights[i], scale));
        }

        ReleaseCentroidTerms(ref story);
        if (story.CentroidCount != centroid.Count)
        {
            Centroids.Free(story.CentroidBlock, story.CentroidCount);
            story.CentroidBlock = Centroids.Allocate(centroid.Count);
            story.CentroidCount = checked((ushort)centroid.Count);
        }

        story.WeightScale = scale;
        packed.CopyTo(Centroids.Terms(story.CentroidBlock, centroid.Count));
        Centroids.Idf(story.CentroidBlock, centroid.Count).Fill(1);
    }

    public void SetCentroidIdf(int slot, ReadOnlySpan<float> idf)
    {
        ref var story = ref _stories[slot];
        if (idf.Length != story.CentroidCount)
        {
            throw new ArgumentException($"Expected {story.CentroidCount} IDF values, got {idf.Length}.", nameof(idf));
        }

        var codes = Centroids.Idf(story.CentroidBlock, story.CentroidCount);
        for (var i = 0; i < idf.Length; i++)
        {
            codes[i] = CentroidCodec.EncodeIdf(idf[i]);
        }
    }

    /// <summary>Moves every live id into a fresh arena when released ids outweigh live ones (amortised O(1) per id).</summary>
    public void CompactIdsIfNeeded()
    {
        if (!_ids.NeedsCompaction)
        {
            return;
        }

        var fresh = new IdArena();
        var moved = new Dictionary<int, int>();
        int Move(int handle) => handle < 0 ? handle : moved.TryGetValue(handle, out var to) ? to : moved[handle] = _ids.CompactInto(fresh, handle);
        for (var slot = 0; slot < StorySlots; slot++)
        {
            ref var story = ref _stories[slot];
            if (story.IsLive)
            {
                story.Id = Move(story.Id);
                story.OriginArticleId = Move(story.OriginArticleId);
            }
        }

        for (var repSlot = 0; repSlot < RepresentativeSlots; repSlot++)
        {
            ref var rep = ref _reps[repSlot];
            if (rep.IsLive)
            {
                rep.ArticleId = Move(rep.ArticleId);
            }
        }

        _ids = fresh;
    }

    /// <summary>Bytes of every structure here, headers and free room included (what grows with the index).</summary>
    public IEnumerable<(string Structure, long Bytes)> Memory() =>
    [
        ("story records", _stories.MemoryBytes + (_freeStories.Count * 4L)),
        ("story representative slots", _repBlocks.MemoryBytes + (_freeRepBlocks.Count * 4L)),
        ("representative records with MinHash", _reps.MemoryBytes + (_freeReps.Count * 4L)),
        ("centroids", Centroids.MemoryBytes),
        ("term dictionary", Terms.MemoryBytes),
        ("ids", _ids.MemoryBytes),
        ("id table", _byId.MemoryBytes),
        ("outlets", _outlets.Sum(o => 24L + (o.Length * 2) + 40)),
    ];

    private void ReleaseCentroidTerms(ref StoryRecord story)
    {
        foreach (var word in Centroids.Terms(story.CentroidBlock, story.CentroidCount))
        {
            Terms.Release(CentroidWord.TermIndex(word));
        }
    }

    private void FreeRepresentative(int repSlot)
    {
        ref var rep = ref _reps[repSlot];
        _ids.Release(rep.ArticleId);
        rep = new RepresentativeRecord { StorySlot = -1 };
        _freeReps.Push(repSlot);
        LiveRepresentatives--;
    }

    private int InternOutlet(string outlet)
    {
        if (!_outletIndex.TryGetValue(outlet, out var index))
        {
            index = _outlets.Count;
            _outlets.Add(outlet);
            _outletIndex[outlet] = index;
        }

        return index;
    }
}
