using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace TaskForce.Tests.Manifests;

/// <summary>A minimal PNG reader for the icon tests: 8-bit RGB or RGBA, non-interlaced, all five row filters.</summary>
internal sealed class PngImage
{
    private static readonly byte[] s_signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngImage(int width, int height, int colorType, byte[] pixels)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _channels = colorType == 6 ? 4 : 3;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>2 = truecolour, 6 = truecolour with alpha.</summary>
    public int ColorType { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            int i = ((y * Width) + x) * _channels;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2], _channels == 4 ? _pixels[i + 3] : (byte)255);
        }
    }

    /// <summary>Width and height from the IHDR chunk, without decoding the pixels.</summary>
    public static (int Width, int Height) ReadSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(s_signature), $"{path} is not a PNG");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    public static PngImage Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        (int width, int height) = ReadSize(path);
        byte bitDepth = bytes[24], colorType = bytes[25], interlace = bytes[28];
        Assert.True(bitDepth == 8 && colorType is 2 or 6 && interlace == 0, $"{path}: unsupported PNG (depth {bitDepth}, colour type {colorType}, interlace {interlace})");

        using MemoryStream compressed = new();
        for (int offset = 8; offset < bytes.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            if (Encoding.ASCII.GetString(bytes, offset + 4, 4) == "IDAT")
            {
                compressed.Write(bytes, offset + 8, length);
            }

            offset += length + 12;
        }

        compressed.Position = 0;
        using ZLibStream zlib = new(compressed, CompressionMode.Decompress);
        using MemoryStream raw = new();
        zlib.CopyTo(raw);
        int channels = colorType == 6 ? 4 : 3;
        return new PngImage(width, height, colorType, Unfilter(raw.ToArray(), width * channels, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int stride, int height, int bytesPerPixel)
    {
        byte[] pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = data[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int value = data[(y * (stride + 1)) + 1 + x];
                int left = x >= bytesPerPixel ? pixels[(y * stride) + x - bytesPerPixel] : 0;
                int up = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int upLeft = x >= bytesPerPixel && y > 0 ? pixels[((y - 1) * stride) + x - bytesPerPixel] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG row filter {filter}"),
                };
                pixels[(y * stride) + x] = (byte)(value + predictor);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
