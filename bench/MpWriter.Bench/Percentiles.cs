using System.Globalization;

namespace MpWriter.Bench;

public static class Percentiles
{
    public static string Describe(List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return "no samples";
        }

        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {At(0.50):0.00} ms, p99 {At(0.99):0.00} ms, max {milliseconds[^1]:0.00} ms ({milliseconds.Count:N0} samples)");
    }
}
