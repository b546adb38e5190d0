using System.Security.Cryptography;
using System.Text;
using FeedWatch.Azure.Common;

namespace FeedWatch.Azure.Tests.Common;

/// <summary>The string to sign, written out by hand from the Shared Key rules, and its signature.</summary>
public sealed class SharedKeySignerTests
{
    private const string Key = "a2V5LWZvci10ZXN0cy1vbmx5LW5vdC1hLXNlY3JldA==";

    private static readonly KeyValuePair<string, string>[] Headers =
    [
        new("x-ms-version", "2025-11-05"),
        new("Content-Type", "application/json; charset=utf-8"),
        new("x-ms-date", "Fri, 20 Nov 2026 23:00:00 GMT"),
        new("If-None-Match", "*"),
        new("x-ms-meta-Outlet", "  seed-a.example   wire  "),
        new("x-ms-blob-type", "BlockBlob"),
        new("Accept", "application/xml"),
    ];

    [Fact]
    public void String_to_sign_orders_standard_headers_canonical_headers_and_resource()
    {
        var uri = new Uri("http://127.0.0.1:10000/devstoreaccount1/feedwatch/articles/2026/a%20b.json?timeout=30&comp=block&blockid=QUJD%3D");

        var actual = SharedKeySigner.BuildStringToSign("devstoreaccount1", "put", uri, Headers, contentLength: 12);

        var expected =
            "PUT\n" +
            "\n" +              // Content-Encoding
            "\n" +              // Content-Language
            "12\n" +            // Content-Length
            "\n" +              // Content-MD5
            "application/json; charset=utf-8\n" +
            "\n" +              // Date (x-ms-date is used instead)
            "\n" +              // If-Modified-Since
            "\n" +              // If-Match
            "*\n" +             // If-None-Match
            "\n" +              // If-Unmodified-Since
            "\n" +              // Range
            "x-ms-blob-type:BlockBlob\n" +
            "x-ms-date:Fri, 20 Nov 2026 23:00:00 GMT\n" +
            "x-ms-meta-outlet:seed-a.example wire\n" +
            "x-ms-version:2025-11-05\n" +
            "/devstoreaccount1/devstoreaccount1/feedwatch/articles/2026/a%20b.json\n" +
            "blockid:QUJD=\n" +
            "comp:block\n" +
            "timeout:30";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Zero_content_length_signs_as_an_empty_line()
    {
        var actual = SharedKeySigner.BuildStringToSign("acct", "GET", new Uri("https://acct.queue.core.windows.net/q/messages?numofmessages=32&visibilitytimeout=30"), [], 0);

        Assert.Equal("GET\n\n\n\n\n\n\n\n\n\n\n\n/acct/q/messages\nnumofmessages:32\nvisibilitytimeout:30", actual);
    }

    [Fact]
    public void Signature_is_the_base64_hmac_sha256_of_the_string_to_sign_under_the_decoded_key()
    {
        var uri = new Uri("https://acct.blob.core.windows.net/feedwatch?restype=container");
        var stringToSign = SharedKeySigner.BuildStringToSign("acct", "PUT", uri, Headers, 0);
        using var hmac = new HMACSHA256(Convert.FromBase64String(Key));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));

        Assert.Equal(expected, SharedKeySigner.Sign("acct", Key, "PUT", uri, Headers, 0));
        Assert.NotEqual(expected, SharedKeySigner.Sign("acct", Key, "PUT", new Uri("https://acct.blob.core.windows.net/other?restype=container"), Headers, 0));
    }
}
