namespace FeedWatch.Stories.Text;

/// <summary>
/// Content words so frequent in news that sharing them says little (our own list). They stay topic terms but are
/// damped, which matters before the engine has seen enough articles for its own document frequencies to take over.
/// </summary>
internal static class CommonNewsWords
{
    private static readonly string[] Words =
    [
        "year", "years", "time", "times", "people", "week", "weeks", "day", "days", "month", "months", "today", "yesterday",
        "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "first", "next",
        "government", "state", "states", "country", "world", "news", "report", "reports", "reported", "reporter", "percent",
        "president", "official", "officials", "public", "former", "including", "number", "part", "group", "company",
        "million", "billion", "thousand", "hundred", "high", "low", "big", "small", "large", "good", "bad", "best", "way",
        "ways", "work", "working", "help", "need", "needs", "want", "wants", "know", "known", "see", "seen", "come", "came",
        "going", "go", "went", "use", "used", "using", "think", "thought", "look", "looking", "find", "found", "give",
        "given", "show", "shows", "showed", "call", "called", "calls", "long", "short", "early", "late", "later", "recent",
        "recently", "end", "ended", "start", "started", "set", "put", "plan", "plans", "issue", "issues", "case", "cases",
        "statement", "interview", "according", "added", "asked", "believe", "expected", "likely", "possible", "major",
        "key", "top", "main", "continue", "continued", "told", "says", "saying", "news", "photo", "image", "video",
        "copyright", "rights", "reserved", "read", "share", "click", "subscribe", "advertisement", "story", "stories",
        "article", "comments", "comment", "email", "facebook", "twitter", "follow", "updated", "update", "am", "pm",
        "mr", "mrs", "ms", "dr", "inc", "ltd", "co", "com", "www", "http", "https", "html", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "man", "woman", "men",
        "women", "home", "life", "family", "city", "house", "local", "national", "international", "second", "third",
        "four", "five", "six", "seven", "eight", "nine", "ten", "several", "less", "least", "lot", "real", "really",
    ];

    private static readonly HashSet<ulong> Hashes = [.. Words.Select(StableHash.OfLower)];

    public static bool Contains(ulong lowerHash) => Hashes.Contains(lowerHash);

    public static IReadOnlyCollection<string> All => Words;
}
