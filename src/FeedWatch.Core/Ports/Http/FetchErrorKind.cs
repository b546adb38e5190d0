namespace FeedWatch.Core.Ports.Http;

public enum FetchErrorKind
{
    HttpStatus,
    Timeout,
    Network,
    TooLarge,
    TooManyRedirects,
    BlockedAddress,
    InvalidUrl,
    Decompression,
}
