namespace PerfEval.Loading;

/// <summary>The storage of a parse: its values, and the children of its objects and arrays, reused parse after parse.</summary>
internal sealed partial class JsonTree
{
    /// <summary>
    /// The values of one parse and the children of its objects and arrays, side by side in arrays that the next parse
    /// on the same thread reuses once the tree is released: reading a document allocates its texts and little else.
    /// While a parse runs, the children of the objects and arrays still open wait on two stacks; when one closes, its
    /// children move to the kept storage, next to each other.
    /// </summary>
    private sealed class Arena
    {
        /// <summary>Past this many values, an arena is not kept for the next parse (a huge document's storage is let go).</summary>
        private const int MostKept = 1 << 16;

        [ThreadStatic]
        private static Arena? _cached;

        private JsonTree[] _nodes = new JsonTree[256];
        private int _nodeCount;
        private int _propertyCount;
        private int _itemCount;
        private JsonProperty[] _pendingProperties = new JsonProperty[64];
        private JsonTree[] _pendingItems = new JsonTree[64];
        private bool _released;
        private HashSet<string>?[] _names = new HashSet<string>?[4];

        /// <summary>The slots of a new table of texts.</summary>
        private const int TextSlots = 256;

        /// <summary>A table of texts grown past this many slots by a large document is not kept for the next parse.</summary>
        private const int MostTextSlots = 1 << 14;

        /// <summary>
        /// How many slots a lookup in the table of texts looks at before it gives up and the text is decoded anew: however
        /// the texts of a document collide, each costs a bounded number of comparisons.
        /// </summary>
        private const int MostProbes = 8;

        /// <summary>The texts of this parse, for <see cref="FindText"/>: an open-addressing table of 1-based indexes into <see cref="_texts"/>.</summary>
        private int[] _textSlots = new int[TextSlots];
        private (int Start, int Length, int Hash, int Slot, string Text)[] _texts = new (int, int, int, int, string)[64];
        private int _textCount;

        /// <summary>The UTF-8 bytes of the texts of this parse, side by side.</summary>
        private byte[] _textBytes = new byte[4096];
        private int _textBytesUsed;

        /// <summary>The properties of the objects read, each object's side by side.</summary>
        public JsonProperty[] Properties { get; private set; } = new JsonProperty[256];

        /// <summary>The items of the arrays read, each array's side by side.</summary>
        public JsonTree[] Items { get; private set; } = new JsonTree[64];

        /// <summary>The first value made: the root of the tree.</summary>
        public JsonTree? Root => _nodeCount > 0 ? _nodes[0] : null;

        public int PendingProperties { get; private set; }

        public int PendingItems { get; private set; }

        /// <summary>The thread's arena when it is free, else a new one.</summary>
        public static Arena Rent()
        {
            var arena = _cached ?? new Arena();
            _cached = null;
            arena._released = false;
            return arena;
        }

        /// <summary>A value, reused from an earlier parse when there is one.</summary>
        public JsonTree Node(JsonKind kind, JsonTree? parent, string? name, int index, LineMap lines, int offset)
        {
            if (_nodeCount == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            var node = _nodes[_nodeCount] ??= new JsonTree();
            _nodeCount++;
            node.Kind = kind;
            node._parent = (object?)parent ?? lines;
            node._name = name;
            node._index = index;
            if (node._arena != this)
            {
                // A value made by this arena before keeps it: reading the field costs less than writing it (a write barrier).
                node._arena = this;
            }

            node.Offset = offset;
            node._first = node._count = 0;
            node.Text = null;
            node.Schema = null;
            node.Invalid = node.Faulty = false;
            return node;
        }

        /// <summary>
        /// The string already made in this parse for the text <paramref name="utf8"/>, or null; a document repeats its
        /// own texts (a programme's name in every indicator, the same reason under several), and each is decoded once.
        /// <paramref name="slot"/> is where <see cref="AddText"/> may put it, or -1 when the text is not to be kept.
        /// </summary>
        public string? FindText(ReadOnlySpan<byte> utf8, int hash, out int slot)
        {
            var mask = _textSlots.Length - 1;
            slot = hash & mask;
            for (var probes = 0; _textSlots[slot] is var at and > 0; probes++, slot = (slot + 1) & mask)
            {
                if (probes == MostProbes)
                {
                    slot = -1;
                    return null;
                }

                var (start, length, textHash, _, text) = _texts[at - 1];
                if (textHash == hash && utf8.SequenceEqual(_textBytes.AsSpan(start, length)))
                {
                    return text;
                }
            }

            return null;
        }

        /// <summary>
        /// Remembers <paramref name="text"/>, decoded from <paramref name="utf8"/>, at the free <paramref name="slot"/>
        /// that <see cref="FindText"/> gave (nothing when it gave -1).
        /// </summary>
        public void AddText(ReadOnlySpan<byte> utf8, int hash, int slot, string text)
        {
            if (slot < 0)
            {
                return;
            }

            if (_textBytesUsed + utf8.Length > _textBytes.Length)
            {
                Array.Resize(ref _textBytes, Math.Max(_textBytes.Length * 2, _textBytesUsed + utf8.Length));
            }

            if (_textCount == _texts.Length)
            {
                Array.Resize(ref _texts, _texts.Length * 2);
            }

            utf8.CopyTo(_textBytes.AsSpan(_textBytesUsed));
            _texts[_textCount++] = (_textBytesUsed, utf8.Length, hash, slot, text);
            _textBytesUsed += utf8.Length;
            _textSlots[slot] = _textCount;

            // At most half full, so that a lookup meets an empty slot soon.
            if (_textCount * 2 > _textSlots.Length)
            {
                _textSlots = new int[_textSlots.Length * 2];
                var mask = _textSlots.Length - 1;
                for (var i = 0; i < _textCount; i++)
                {
                    var s = _texts[i].Hash & mask;
                    while (_textSlots[s] != 0)
                    {
                        s = (s + 1) & mask;
                    }

                    _textSlots[s] = i + 1;
                    _texts[i].Slot = s;
                }
            }
        }

        /// <summary>
        /// Lets go of the parse's texts, so that none outlives its document, and empties the slots they took (only
        /// those: a small parse after a large one does not pay for clearing a large table). A table grown past
        /// <see cref="MostTextSlots"/> goes back to its first size.
        /// </summary>
        private void ForgetTexts()
        {
            if (_textSlots.Length > MostTextSlots)
            {
                _textSlots = new int[TextSlots];
                _texts = new (int, int, int, int, string)[64];
                _textBytes = new byte[4096];
            }
            else
            {
                for (var i = 0; i < _textCount; i++)
                {
                    _textSlots[_texts[i].Slot] = 0;
                    _texts[i] = default;
                }
            }

            _textCount = _textBytesUsed = 0;
        }

        public void Push(JsonProperty property)
        {
            if (PendingProperties == _pendingProperties.Length)
            {
                Array.Resize(ref _pendingProperties, _pendingProperties.Length * 2);
            }

            _pendingProperties[PendingProperties++] = property;
        }

        public void Push(JsonTree item)
        {
            if (PendingItems == _pendingItems.Length)
            {
                Array.Resize(ref _pendingItems, _pendingItems.Length * 2);
            }

            _pendingItems[PendingItems++] = item;
        }

        public bool Contains(int start, string name)
        {
            for (var i = start; i < PendingProperties; i++)
            {
                if (_pendingProperties[i].Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The names of the properties pushed since <paramref name="start"/>, in a set kept for objects at that
        /// <paramref name="depth"/> (an object inside a large object has a set of its own).
        /// </summary>
        public HashSet<string> Names(int start, int depth)
        {
            if (depth >= _names.Length)
            {
                Array.Resize(ref _names, depth + 1);
            }

            var names = _names[depth] ??= new HashSet<string>(StringComparer.Ordinal);
            names.Clear();
            for (var i = start; i < PendingProperties; i++)
            {
                names.Add(_pendingProperties[i].Name);
            }

            return names;
        }

        /// <summary>Moves the properties pushed since <paramref name="start"/> to the kept storage; returns where they lie.</summary>
        public (int First, int Count) KeepProperties(int start)
        {
            var storage = Properties;
            var pending = PendingProperties;
            var kept = Keep(_pendingProperties, ref pending, ref storage, ref _propertyCount, start);
            (Properties, PendingProperties) = (storage, pending);
            return kept;
        }

        /// <summary>Moves the items pushed since <paramref name="start"/> to the kept storage; returns where they lie.</summary>
        public (int First, int Count) KeepItems(int start)
        {
            var storage = Items;
            var pending = PendingItems;
            var kept = Keep(_pendingItems, ref pending, ref storage, ref _itemCount, start);
            (Items, PendingItems) = (storage, pending);
            return kept;
        }

        /// <summary>Moves a stack's top (from <paramref name="start"/>) to the end of the kept storage, which grows as needed.</summary>
        private static (int First, int Count) Keep<T>(T[] stack, ref int stackCount, ref T[] storage, ref int used, int start)
        {
            var count = stackCount - start;
            var first = used;
            if (first + count > storage.Length)
            {
                Array.Resize(ref storage, Math.Max(storage.Length * 2, first + count));
            }

            stack.AsSpan(start, count).CopyTo(storage.AsSpan(first));
            Array.Clear(stack, start, count);
            stackCount = start;
            used += count;
            return (first, count);
        }

        /// <summary>Empties the stacks of a parse that ended, normally or not.</summary>
        public void EndParse()
        {
            Array.Clear(_pendingProperties, 0, PendingProperties);
            Array.Clear(_pendingItems, 0, PendingItems);
            PendingProperties = PendingItems = 0;
        }

        /// <summary>
        /// Lets go of the texts and values of the parse (so that they die young) and keeps the storage for the next
        /// parse on this thread, unless it has grown past <see cref="MostKept"/>.
        /// </summary>
        public void Return()
        {
            if (_released)
            {
                return;
            }

            _released = true;
            for (var i = 0; i < _nodeCount; i++)
            {
                var node = _nodes[i];
                node._parent = null!;
                node._name = null;
                node.Text = null;
                node.Schema = null;
                node.Invalid = node.Faulty = false;
            }

            ForgetTexts();
            var small = _nodes.Length <= MostKept && Properties.Length <= MostKept && Items.Length <= MostKept;
            foreach (var names in _names)
            {
                small &= names is null || names.Count <= MostKept;
                names?.Clear();
            }

            Array.Clear(Properties, 0, _propertyCount);
            Array.Clear(Items, 0, _itemCount);
            _nodeCount = _propertyCount = _itemCount = 0;
            if (small)
            {
                _cached = this;
            }
        }
    }
}
