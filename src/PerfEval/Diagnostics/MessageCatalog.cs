using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PerfEval.Diagnostics;

/// <summary>
/// The message templates of the diagnostics, and the words and reasons the messages cite, by key and language
/// (<c>en</c>, <c>zh</c>, or a more specific tag such as <c>zh-Hant</c>). Keys are the diagnostic codes
/// (<c>PE2003</c>) and keys of PerfEval's own words (<c>word.source</c>, <c>reason.weightRange</c>; the list is in
/// <c>src/PerfEval/Diagnostics/Messages/messages.en.json</c>). A template is looked up for the culture, then its parent
/// cultures, then English. PerfEval's own templates come from one resource file per language, embedded in the
/// assembly. Hosts override or add templates with <see cref="WithTemplate"/>, pass the catalogue in
/// <c>PerfEvalOptions.Messages</c>, and re-render any diagnostic in any culture with <see cref="Render"/>.
/// </summary>
public sealed class MessageCatalog
{
    private const string ResourcePrefix = "PerfEval.Diagnostics.Messages.messages.";

    private readonly ImmutableDictionary<(string Key, string Language), string> _templates;

    private MessageCatalog(ImmutableDictionary<(string Key, string Language), string> templates) => _templates = templates;

    /// <summary>PerfEval's own templates, in English and Chinese, read from the embedded resource files.</summary>
    public static MessageCatalog Default { get; } = new(ReadResources());

    /// <summary>The languages of PerfEval's own resource files (<c>en</c>, <c>zh</c>).</summary>
    internal static ImmutableArray<string> BuiltInLanguages { get; } = [.. ResourceNames().Select(r => r.Language).Order(StringComparer.Ordinal)];

    /// <summary>A catalogue with one template added or replaced.</summary>
    /// <param name="key">The diagnostic code (<c>PE2003</c>), a host-defined code (<c>ZL001</c>), or the key of a word or reason (<c>word.source</c>).</param>
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
    /// <param name="key">The code or the key of a word.</param>
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

    /// <summary>
    /// A diagnostic's message in another culture or with this catalogue's templates. PerfEval's own words in it (the
    /// reason of a PE1005, the triggers of a PE3001…) are written in <paramref name="culture"/> too, so the message
    /// is in one language whatever language the diagnostic was made in.
    /// </summary>
    /// <param name="diagnostic">The diagnostic (its code and arguments are used).</param>
    /// <param name="culture">The culture to write in.</param>
    /// <returns>The message; the diagnostic's own message when this catalogue has no template for it, or when the message is a rule author's own text.</returns>
    public string Render(Diagnostic diagnostic, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        ArgumentNullException.ThrowIfNull(culture);
        if (diagnostic.AuthorText)
        {
            return diagnostic.Message;
        }

        var template = Find(diagnostic.Code, culture) ?? (diagnostic.TemplateKey is { } key ? Find(key, culture) : null);
        return template is null ? diagnostic.Message : Fill(template, diagnostic.Arguments, diagnostic.Texts, culture);
    }

    /// <summary>A message from a template key, its data arguments and its texts, written in <paramref name="culture"/>.</summary>
    internal string Format(string key, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, MessageText> texts, CultureInfo culture) =>
        Find(key, culture) is { } template ? Fill(template, arguments, texts, culture) : key;

    /// <summary>A text of PerfEval's own, written in <paramref name="culture"/>; its key when no language has a template for it.</summary>
    internal string Text(MessageText text, CultureInfo culture)
    {
        if (text.IsList)
        {
            var separator = Find(MessageText.ListSeparatorKey, culture) ?? ", ";
            var sb = new StringBuilder();
            foreach (var item in text.Items)
            {
                sb.Append(sb.Length == 0 ? string.Empty : separator).Append(item is MessageText t ? Text(t, culture) : (string)item);
            }

            return sb.ToString();
        }

        if (Find(text.Key, culture) is not { } template)
        {
            return text.Key;
        }

        return text.Arguments.IsEmpty ? template : Messages.Fill(
            template,
            name =>
            {
                foreach (var (n, value) in text.Arguments)
                {
                    if (n == name)
                    {
                        return value is MessageText t ? Text(t, culture) : (string)value;
                    }
                }

                return null;
            },
            string.Empty);
    }

    private string Fill(string template, IReadOnlyDictionary<string, string> arguments, IReadOnlyDictionary<string, MessageText> texts, CultureInfo culture) =>
        texts.Count == 0
            ? Messages.Fill(template, arguments)
            : Messages.Fill(template, name => texts.TryGetValue(name, out var t) ? Text(t, culture) : arguments.TryGetValue(name, out var v) ? v : null, string.Empty);

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

    /// <summary>The embedded resource files, <c>messages.{language}.json</c>, one per language.</summary>
    private static IEnumerable<(string Resource, string Language)> ResourceNames() =>
        typeof(MessageCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => (n, n[ResourcePrefix.Length..^".json".Length].ToLowerInvariant()));

    private static ImmutableDictionary<(string, string), string> ReadResources()
    {
        var b = ImmutableDictionary.CreateBuilder<(string, string), string>();
        foreach (var (resource, language) in ResourceNames())
        {
            using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The message resource '{resource}' is missing from the assembly.");
            using var document = System.Text.Json.JsonDocument.Parse(stream);
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                b[(entry.Name, language)] = entry.Value.GetString() ?? string.Empty;
            }
        }

        return b.ToImmutable();
    }
}
