using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Text;

/// <summary>Arithmetic on conditions, for hot loops whose conditions are unpredictable (a branch would mispredict).</summary>
internal static class Branchless
{
    /// <summary>1 for true, 0 for false, read from the bool's byte (no compare, no branch).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(bool value) => TrickSwitches.Branchless ? Unsafe.As<bool, byte>(ref value) : (value ? 1 : 0);
}
