using TaskForce.Core.Export;

namespace TaskForce.Tests.Core.Export;

public sealed class CsvTests
{
    [Fact]
    public void Build_FieldsWithCommaQuoteAndNewline_AreQuotedPerRfc4180()
    {
        string csv = Csv.Build(["a", "b", "c", "d"], [["plain", "x,y", "say \"hi\"", "two\nlines"]]);

        Assert.Equal("a,b,c,d\r\nplain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", csv);
    }

    [Fact]
    public void Parse_BuiltText_ReturnsTheSameFields()
    {
        string[] fields = ["", "x,y", "say \"hi\"", "two\r\nlines", "海洋牧场"];

        List<List<string>> rows = Csv.Parse(Csv.Build(["h1", "h2", "h3", "h4", "h5"], [fields]));

        Assert.Equal(fields, rows[1]);
    }
}
