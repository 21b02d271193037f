namespace PerfEval.Loading;

/// <summary>Why a document could not be read into memory.</summary>
internal enum ReadFailure
{
    None,
    Missing,
    Directory,
    Special,
    TooLarge,
    Io,
}
