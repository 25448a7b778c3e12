using Portal.Modules.Jobsites.Photos;

namespace Portal.UnitTests.Jobsites;

public sealed class PhotoFormatTests
{
    [Fact]
    public void Detect_jpeg_magic_bytes_is_jpeg()
    {
        Assert.Same(PhotoFormat.Jpeg, PhotoFormat.Detect([0xFF, 0xD8, 0xFF, 0xDB, 0x00]));
    }

    [Fact]
    public void Detect_png_signature_is_png()
    {
        Assert.Same(PhotoFormat.Png, PhotoFormat.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]
    [InlineData(new byte[] { 0x00, 0xFF, 0xD8, 0xFF })]
    public void Detect_anything_else_is_null(byte[] header)
    {
        Assert.Null(PhotoFormat.Detect(header));
    }

    [Fact]
    public void HeaderLength_covers_the_longest_signature()
    {
        Assert.Equal(8, PhotoFormat.HeaderLength);
    }

    [Fact]
    public void FromContentType_round_trips_each_format()
    {
        Assert.Equal((PhotoFormat.Jpeg, PhotoFormat.Png), (PhotoFormat.FromContentType("image/jpeg"), PhotoFormat.FromContentType("image/png")));
    }

    [Fact]
    public void PhotoStore_names_files_by_id_and_format_only()
    {
        var store = new PhotoStore("photos");
        var id = Guid.Parse("0196a0b2-1111-7222-8333-444455556666");

        Assert.Equal(Path.Combine(Path.GetFullPath("photos"), "0196a0b2111172228333444455556666.png"), store.PathOf(id, PhotoFormat.Png));
    }
}
