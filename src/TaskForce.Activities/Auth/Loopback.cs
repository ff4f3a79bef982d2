using System.Net;

namespace TaskForce.Activities.Auth;

/// <summary>Tells loopback URLs and listen addresses from the rest.</summary>
public static class Loopback
{
    /// <summary>True for http(s) URLs on localhost, 127.0.0.0/8 or ::1.</summary>
    public static bool IsLoopbackUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && IsLoopbackHost(uri.Host);

    /// <summary>True for <c>localhost</c> and loopback IP literals; false for wildcards such as <c>*</c>, <c>+</c>, <c>0.0.0.0</c>.</summary>
    public static bool IsLoopbackHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        string trimmed = host.Trim('[', ']');
        return string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(trimmed, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    /// <summary>True when a listen address such as <c>http://127.0.0.1:3978</c> accepts loopback traffic only.</summary>
    public static bool IsLoopbackListenAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        string rest = schemeEnd < 0 ? address : address[(schemeEnd + 3)..];
        string host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        return IsLoopbackHost(host);
    }
}
