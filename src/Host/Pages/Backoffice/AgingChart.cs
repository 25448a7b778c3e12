using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Portal.BuildingBlocks;

namespace Portal.Host.Pages.Backoffice;

/// <summary>The aging totals as a horizontal bar chart in plain SVG: drawn on the server, so no script library and nothing the CSP blocks.</summary>
internal static class AgingChart
{
    private const int BarArea = 400;

    public static IHtmlContent Svg(IReadOnlyList<string> buckets, IReadOnlyList<Money> totals)
    {
        var max = totals.Count == 0 ? 0 : totals.Max(t => t.Value);
        var svg = new StringBuilder("""<svg class="chart" viewBox="0 0 640 200" role="img" aria-labelledby="aging-chart-title" data-testid="aging-chart">""");
        svg.Append("""<title id="aging-chart-title">Open balance by days past due</title>""");
        for (var i = 0; i < buckets.Count && i < totals.Count; i++)
        {
            var y = i * 38 + 6;
            var width = max <= 0 ? 0 : (int)(BarArea * Math.Max(totals[i].Value, 0) / max);
            var colour = i == 0 ? "#2f6f4f" : i < 3 ? "#8a5a12" : "#9b2c2c";
            svg.Append($"""<text x="0" y="{y + 19}" font-size="14" fill="#1d2a22">{WebUtility.HtmlEncode(buckets[i])}</text>""");
            svg.Append($"""<rect x="110" y="{y}" width="{width}" height="26" fill="{colour}" data-bucket="{i}"></rect>""");
            svg.Append($"""<text x="{116 + width}" y="{y + 19}" font-size="14" fill="#1d2a22">{WebUtility.HtmlEncode(totals[i].ToString())}</text>""");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
