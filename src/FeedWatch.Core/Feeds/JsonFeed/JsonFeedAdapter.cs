using FeedWatch.Core.Feeds.Date;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.JsonFeed;

/// <summary>Maps JSON Feed onto <see cref="ParsedFeed"/>: content_html over content_text, url over external_url.</summary>
public static class JsonFeedAdapter
{
    public static ParsedFeed ToParsedFeed(JsonFeedDocument feed, ProblemLog problems) => new()
    {
        Format = feed.Version?.Contains("1.1", StringComparison.Ordinal) == true ? FeedFormat.JsonFeed11 : FeedFormat.JsonFeed10,
        Title = feed.Title,
        Link = feed.HomePageUrl,
        Description = feed.Description,
        Language = feed.Language,
        Authors = feed.Authors,
        Image = feed.Icon is { } icon ? new FeedImage(icon, null, null) : null,
        Items = feed.Items.Select(i => new FeedItem
        {
            Id = i.Id,
            Title = i.Title,
            Link = i.Url ?? i.ExternalUrl,
            Summary = i.Summary,
            Content = i.ContentHtml ?? i.ContentText,
            Published = DateReader.Read(i.DatePublished, "date_published", problems),
            Updated = DateReader.Read(i.DateModified, "date_modified", problems),
            Authors = i.Authors.Count > 0 ? i.Authors : feed.Authors,
            Categories = i.Tags,
            Enclosures = i.Attachments,
        }).ToList(),
    };
}
