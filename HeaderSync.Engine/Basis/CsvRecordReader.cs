using System.Text;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// RFC 4180 records from a reader, line by line so that errors can name the line a record starts
/// on. The delimiter, comma or semicolon, is taken from the first record (the header row).
/// Lenient where spreadsheets are sloppy: text after a closing quote is kept, quotes inside an
/// unquoted field are literal.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private List<string> _fields = [];
    private bool _inQuotes;
    private bool _fieldHasText;
    private int _line;
    private char? _delimiter;

    public CsvRecordReader(TextReader reader)
    {
        _reader = reader;
    }

    /// <summary>The next record that is not blank, or null at the end of the input.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var text = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var start = _line;
            _delimiter ??= DetectDelimiter(text);
            _fields = [];
            _field.Clear();
            _fieldHasText = false;
            _inQuotes = false;
            ParseLine(text);

            var unclosed = false;
            while (_inQuotes)
            {
                var next = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    unclosed = true;
                    break;
                }

                _field.Append('\n');
                ParseLine(next);
            }

            _fields.Add(_field.ToString());

            // Spreadsheets export empty rows as `;;;`: as blank as an empty line.
            if (_fields.TrueForAll(string.IsNullOrWhiteSpace) && !unclosed)
            {
                continue;
            }

            return new CsvRecord(start, _fields, unclosed);
        }
    }

    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var text = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return null;
        }

        _line++;

        // A reader that was not told the encoding leaves the UTF-8 byte order mark in place.
        return _line == 1 && text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    private void ParseLine(string text)
    {
        var delimiter = _delimiter ?? ',';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (_inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    _field.Append('"');
                    i++;
                }
                else
                {
                    _inQuotes = false;
                }
            }
            else if (c == delimiter)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                _fieldHasText = false;
            }
            else if (c == '"' && !_fieldHasText)
            {
                // Spaces before an opening quote are dropped, as Excel does.
                _field.Clear();
                _inQuotes = true;
                _fieldHasText = true;
            }
            else
            {
                _field.Append(c);
                _fieldHasText |= !char.IsWhiteSpace(c);
            }
        }
    }

    private static char DetectDelimiter(string header)
    {
        var commas = 0;
        var semicolons = 0;
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
