using System.Collections.Immutable;
using System.Globalization;

namespace PerfEval.Diagnostics;

/// <summary>
/// The message templates of the diagnostics, by code and language (<c>en</c>, <c>zh</c>, or a more specific tag
/// such as <c>zh-Hant</c>). A message is looked up for the culture, then its parent cultures, then English.
/// Hosts override or add templates with <see cref="WithTemplate"/>, pass the catalogue in
/// <c>PerfEvalOptions.Messages</c>, and re-render any diagnostic with <see cref="Render"/>.
/// </summary>
public sealed class MessageCatalog
{
    private readonly ImmutableDictionary<(string Key, string Language), string> _templates;

    private MessageCatalog(ImmutableDictionary<(string Key, string Language), string> templates) => _templates = templates;

    /// <summary>PerfEval's own templates, in English and Chinese.</summary>
    public static MessageCatalog Default { get; } = new(BuildDefault());

    /// <summary>A catalogue with one template added or replaced.</summary>
    /// <param name="key">The diagnostic code (<c>PE2003</c>) or a host-defined code (<c>ZL001</c>).</param>
    /// <param name="language">The language tag: <c>en</c>, <c>zh</c>, <c>zh-Hant</c>…</param>
    /// <param name="template">The template; <c>{name}</c> cites an argument of the diagnostic.</param>
    /// <returns>The new catalogue; this one is unchanged.</returns>
    public MessageCatalog WithTemplate(string key, string language, string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(language);
        ArgumentNullException.ThrowIfNull(template);
        return new MessageCatalog(_templates.SetItem((key, language.ToLowerInvariant()), template));
    }

    /// <summary>Whether the catalogue has a template for <paramref name="key"/> in some language.</summary>
    /// <param name="key">The code.</param>
    /// <returns>True when a template exists.</returns>
    public bool Contains(string key) => _templates.Keys.Any(k => k.Key == key);

    /// <summary>The message for <paramref name="key"/> in <paramref name="culture"/> (falling back to parents, then English).</summary>
    /// <param name="key">The code.</param>
    /// <param name="arguments">The values cited by <c>{name}</c> placeholders.</param>
    /// <param name="culture">The culture to write in.</param>
    /// <returns>The message; the key itself when no template exists.</returns>
    public string Format(string key, IReadOnlyDictionary<string, string> arguments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(culture);
        return Find(key, culture) is { } template ? Messages.Fill(template, arguments) : key;
    }

    /// <summary>A diagnostic's message in another culture or with this catalogue's templates.</summary>
    /// <param name="diagnostic">The diagnostic (its code and arguments are used).</param>
    /// <param name="culture">The culture to write in.</param>
    /// <returns>The message; the diagnostic's own message when this catalogue has no template for its code.</returns>
    public string Render(Diagnostic diagnostic, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return Find(diagnostic.Code, culture) is { } template ? Messages.Fill(template, diagnostic.Arguments) : diagnostic.Message;
    }

    private string? Find(string key, CultureInfo culture)
    {
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            if (_templates.TryGetValue((key, c.Name.ToLowerInvariant()), out var t))
            {
                return t;
            }

            if (c.Parent.Equals(CultureInfo.InvariantCulture) && _templates.TryGetValue((key, c.TwoLetterISOLanguageName), out t))
            {
                return t;
            }
        }

        // Chinese cultures whose chain does not reach "zh" (zh-CN → zh-Hans → zh does, but be safe), then English.
        if (Messages.IsChineseCulture(culture) && _templates.TryGetValue((key, "zh"), out var zh))
        {
            return zh;
        }

        return _templates.TryGetValue((key, "en"), out var en) ? en : null;
    }

    private static ImmutableDictionary<(string, string), string> BuildDefault()
    {
        var b = ImmutableDictionary.CreateBuilder<(string, string), string>();
        foreach (var (code, (en, zh)) in Messages.Templates)
        {
            b[(code, "en")] = en;
            b[(code, "zh")] = zh;
        }

        return b.ToImmutable();
    }
}
