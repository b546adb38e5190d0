namespace FeedWatch.Core.Stories;

/// <summary>What kind of evidence a topic term is: names and numbers identify an event, plain words its kind.</summary>
public enum TermKind : byte
{
    Word = 0,
    Name = 1,
    Number = 2,
}
