namespace FeedWatch.Core.Articles.Content;

/// <summary>What kind of element a text block sits in; decides how it is scored and whether it may be body text.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    MainHeading,
    ListItem,
    Quote,
    Preformatted,
    TableCell,
    Other,
}
