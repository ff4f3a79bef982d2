namespace TaskForce.Tests.Manifests;

public sealed class IconTests
{
    private static string ColorIcon => Path.Combine(RepositoryPaths.TeamsManifest, "color.png");

    private static string OutlineIcon => Path.Combine(RepositoryPaths.TeamsManifest, "outline.png");

    [Fact]
    public void ColorIcon_Header_Is192By192()
    {
        Assert.Equal((192, 192), PngImage.ReadSize(ColorIcon));
    }

    [Fact]
    public void OutlineIcon_Header_Is32By32()
    {
        Assert.Equal((32, 32), PngImage.ReadSize(OutlineIcon));
    }

    [Fact]
    public void ColorIcon_Pixels_AreOpaqueAndInMoreThanOneColour()
    {
        PngImage icon = PngImage.Load(ColorIcon);

        var pixels = Enumerable.Range(0, icon.Height).SelectMany(y => Enumerable.Range(0, icon.Width).Select(x => icon[x, y])).ToList();

        Assert.All(pixels, p => Assert.Equal(255, p.A));
        Assert.True(pixels.Select(p => (p.R, p.G, p.B)).Distinct().Count() > 1, "the colour icon is a single flat colour");
        Assert.Contains(pixels, p => p.R != p.G || p.G != p.B);
    }

    [Fact]
    public void OutlineIcon_Pixels_AreWhiteOnTransparent()
    {
        PngImage icon = PngImage.Load(OutlineIcon);

        var pixels = Enumerable.Range(0, icon.Height).SelectMany(y => Enumerable.Range(0, icon.Width).Select(x => icon[x, y])).ToList();

        Assert.Equal(6, icon.ColorType);
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Equal(0, icon[0, 0].A);
        Assert.Contains(pixels, p => p.A == 255);
    }
}
