namespace FeedWatch.Core.Articles.Content;

/// <summary>What an element's class/id names say, computed once per distinct name string.</summary>
[Flags]
public enum NameVerdict
{
    None = 0,
    Boilerplate = 1,
    AlwaysBoilerplate = 2,
    ArticleBody = 4,
    Paywall = 8,
}
