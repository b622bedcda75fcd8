namespace Highlights.Grains.Render.Reframe;

/// <summary>
/// A critically damped spring pulling a position towards a target: x'' = ω²(target − x) − 2ω·x'. It is the fastest
/// response that never overshoots, so the crop glides onto a face and stops there instead of swinging past it. Each
/// step is the equation's exact solution for a target held over the step (stable for any step length), then limited
/// to <see cref="MaxSpeed"/>, so even a target that jumps across the picture is followed at a bounded pace.
/// </summary>
public sealed class CriticallyDampedSpring(double omega, double maxSpeed)
{
    public double Omega { get; } = omega > 0 ? omega : throw new ArgumentOutOfRangeException(nameof(omega), "the spring needs a positive stiffness");

    /// <summary>Largest speed, in position units per second.</summary>
    public double MaxSpeed { get; } = maxSpeed > 0 ? maxSpeed : throw new ArgumentOutOfRangeException(nameof(maxSpeed), "the speed limit must be positive");

    public double Position { get; private set; }

    public double Velocity { get; private set; }

    /// <summary>Places the spring at rest at <paramref name="position"/>.</summary>
    public void Reset(double position)
    {
        Position = position;
        Velocity = 0;
    }

    /// <summary>Advances <paramref name="dt"/> seconds towards <paramref name="target"/>; returns the new position.</summary>
    public double Step(double target, double dt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dt);
        var decay = Math.Exp(-Omega * dt);
        var offset = Position - target;
        var drive = Velocity + (Omega * offset);
        var next = target + ((offset + (drive * dt)) * decay);
        var velocity = (Velocity - (Omega * drive * dt)) * decay;

        var limit = MaxSpeed * dt;
        var move = Math.Clamp(next - Position, -limit, limit);
        Position += move;
        Velocity = Math.Clamp(velocity, -MaxSpeed, MaxSpeed);
        return Position;
    }
}
