using System.Net;

namespace FeedWatch.Http.Guard;

/// <summary>Thrown from the connect callback when a host resolves only to addresses we refuse to dial.</summary>
public sealed class BlockedAddressException(string host, IPAddress? address)
    : Exception($"{host} resolves to a non-public address{(address is null ? string.Empty : $" ({address})")}; set AllowPrivateAddresses to fetch it");
