using System.Text;
using TaskForce.Activities.Turns;

namespace TaskForce.Tests.Activities;

public sealed class ActivityReaderTests
{
    private static Task<ActivityReadResult> ReadAsync(string body, string? contentType = "application/json; charset=utf-8") =>
        ActivityReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), contentType, null, CancellationToken.None);

    [Fact]
    public async Task ReadAsync_ValidActivity_ReturnsIt()
    {
        ActivityReadResult result = await ReadAsync("""{"type":"message","text":"hi"}""");

        Assert.Equal("hi", result.Activity!.Text);
    }

    [Theory]
    [InlineData("""{"text":"hi"}""")]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    [InlineData("""{"type":"message","entities":{"type":"mention"}}""")]
    [InlineData("""{"type":"message","text":"hi"} {"type":"message"}""")]
    [InlineData("""{"type":"message","text":"hi"}garbage""")]
    [InlineData("""{"type":"message","text":"hi"},""")]
    [InlineData("""{"type":"message","type":"invoke"}""")]
    [InlineData("""{"type":"invoke","Type":"message"}""")]
    [InlineData("""{"type":"message","text":"a","text":"b"}""")]
    [InlineData("""{"type":"message","from":{"id":"1","ID":"2"}}""")]
    public async Task ReadAsync_NotAnActivity_Returns400(string body)
    {
        ActivityReadResult result = await ReadAsync(body);

        Assert.Null(result.Activity);
        Assert.Equal(400, result.Status);
    }

    [Fact]
    public async Task ReadAsync_FormContentType_Returns415()
    {
        ActivityReadResult result = await ReadAsync("""{"type":"message"}""", "application/x-www-form-urlencoded");

        Assert.Equal(415, result.Status);
    }

    [Fact]
    public async Task ReadAsync_BodyOverLimitWithoutContentLength_Returns413()
    {
        string body = $$"""{"type":"message","text":"{{new string('x', ActivityReader.MaxBodyBytes)}}"}""";

        ActivityReadResult result = await ReadAsync(body);

        Assert.Equal(413, result.Status);
    }
}
