namespace Highlights.Grains.Render.Reframe;

/// <summary>The faces seen at <see cref="Time"/> seconds of the source; boxes are fractions (0..1) of the picture.</summary>
public sealed record FaceSample(double Time, IReadOnlyList<FaceBox> Faces);

/// <summary>A face's box as fractions of the picture's width and height.</summary>
public sealed record FaceBox(double X, double Y, double Width, double Height)
{
    public double CentreX => X + (Width / 2);

    public double CentreY => Y + (Height / 2);

    public double Area => Width * Height;
}
