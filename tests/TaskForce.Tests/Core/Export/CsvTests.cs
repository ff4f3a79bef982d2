using TaskForce.Core.Export;

namespace TaskForce.Tests.Core.Export;

public sealed class CsvTests
{
    [Fact]
    public void Build_FieldsWithCommaQuoteAndNewline_AreQuotedPerRfc4180()
    {
        string csv = Csv.Build(["a", "b", "c", "d"], [[CsvCell.Text("plain"), CsvCell.Text("x,y"), CsvCell.Text("say \"hi\""), CsvCell.Text("two\nlines")]]);

        Assert.Equal("a,b,c,d\r\nplain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", csv);
    }

    [Fact]
    public void Parse_BuiltText_ReturnsTheSameFields()
    {
        string[] fields = ["", "x,y", "say \"hi\"", "two\r\nlines", "海洋牧场"];

        List<List<string>> rows = Csv.Parse(Csv.Build(["h1", "h2", "h3", "h4", "h5"], [[.. fields.Select(CsvCell.Text)]]));

        Assert.Equal(fields, rows[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void Write_TextStartingWithFormulaCharacter_PrefixedWithQuoteAndStillQuoted(string typed, string written)
    {
        string field = Csv.Write(CsvCell.Text(typed));

        Assert.Equal(written, field);
    }

    [Theory]
    [InlineData("海洋牧场=进度")]
    [InlineData("审批卡住，-急")]
    [InlineData("1200万元")]
    [InlineData("a=b")]
    public void Write_TextNotStartingWithFormulaCharacter_Unchanged(string typed)
    {
        string field = Csv.Write(CsvCell.Text(typed));

        Assert.Equal(Csv.Escape(typed), field);
    }

    [Fact]
    public void Write_NegativeNumberWrittenByCode_NotPrefixed()
    {
        string number = Csv.Write(CsvCell.Number(-15));
        string typed = Csv.Write(CsvCell.Text("-15"));

        Assert.Equal("-15", number);
        Assert.Equal("'-15", typed);
    }

    [Fact]
    public void Parse_NeutralizedPayload_KeepsThePayloadAfterTheQuote()
    {
        string payload = "=HYPERLINK(\"http://x\",\"y\"),\r\n";

        List<List<string>> rows = Csv.Parse(Csv.Build(["text"], [[CsvCell.Text(payload)]]));

        Assert.Equal("'" + payload, rows[1][0]);
    }
}
