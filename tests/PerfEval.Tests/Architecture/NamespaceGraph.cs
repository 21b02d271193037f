using Mono.Cecil;
using Mono.Cecil.Cil;

namespace PerfEval.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its IL: base types, interfaces, fields, properties,
/// method signatures, attributes and every type, method and field a method body mentions. Nested and
/// compiler-generated types count for the namespace of the type that declares them.
/// </summary>
internal sealed class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>For each namespace of the assembly, the other namespaces of the same assembly it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    public static NamespaceGraph Of(string assemblyPath, string rootNamespace)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith(rootNamespace, StringComparison.Ordinal))
            {
                continue;
            }

            var used = edges.TryGetValue(from, out var set) ? set : edges[from] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var reference in ReferencedTypes(type))
            {
                var to = NamespaceOf(reference);
                if (to != from && to.StartsWith(rootNamespace, StringComparison.Ordinal) && reference.Scope == module)
                {
                    used.Add(to);
                }
            }
        }

        return new NamespaceGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>The types of the assembly (outer types, by full name) that mention a type of the assembly <paramref name="other"/>.</summary>
    public static IReadOnlyList<string> TypesUsing(string assemblyPath, string other)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return [..
            module.GetTypes()
                .Where(type => ReferencedTypes(type).Any(r => r.Scope is AssemblyNameReference a && a.Name == other))
                .Select(type => Outermost(type).FullName)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>
    /// The methods written in <paramref name="ns"/> (not constructors, not the members the compiler writes for
    /// records and lambdas) that take more than <paramref name="most"/> parameters.
    /// </summary>
    public static IReadOnlyList<string> MethodsWithMoreParametersThan(string assemblyPath, string ns, int most)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        return [..
            from type in module.GetTypes()
            where NamespaceOf(type) == ns && !IsCompilerGenerated(type)
            from method in type.Methods
            where !method.IsConstructor && !IsCompilerGenerated(method) && method.Name != "Deconstruct" && !method.Name.Contains('<', StringComparison.Ordinal)
            where method.Parameters.Count > most
            select $"{type.Name}.{method.Name} ({method.Parameters.Count})"];
    }

    private static bool IsCompilerGenerated(ICustomAttributeProvider member) =>
        member.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    /// <summary>The namespaces that use one another in a circle (strongly connected components of more than one node, or a node using itself).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = 0;
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string v)
        {
            indices[v] = low[v] = index++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in Edges.TryGetValue(v, out var next) ? next : new HashSet<string>())
            {
                if (!indices.TryGetValue(w, out var wIndex))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], wIndex);
                }
            }

            if (low[v] == indices[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var v in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!indices.ContainsKey(v))
            {
                Visit(v);
            }
        }

        return cycles;
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        IEnumerable<TypeReference> Expand(TypeReference? t)
        {
            if (t is null)
            {
                yield break;
            }

            if (t is TypeSpecification spec)
            {
                foreach (var inner in Expand(spec.ElementType))
                {
                    yield return inner;
                }
            }

            if (t is GenericInstanceType generic)
            {
                foreach (var argument in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return argument;
                }
            }

            if (t is not TypeSpecification and not GenericParameter)
            {
                yield return t;
            }
        }

        IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
            provider.HasCustomAttributes ? provider.CustomAttributes.SelectMany(a => Expand(a.AttributeType)) : [];

        IEnumerable<TypeReference> Method(MethodReference m) =>
            Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
                .Concat(m is GenericInstanceMethod gm ? gm.GenericArguments.SelectMany(Expand) : []);

        var all = Expand(type.BaseType)
            .Concat(type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
            .Concat(Attributes(type))
            .Concat(type.Fields.SelectMany(f => Expand(f.FieldType).Concat(Attributes(f))))
            .Concat(type.Properties.SelectMany(p => Expand(p.PropertyType).Concat(Attributes(p))))
            .Concat(type.Events.SelectMany(e => Expand(e.EventType)));
        foreach (var t in all)
        {
            yield return t;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Method(method).Concat(Attributes(method)))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var local in method.Body.Variables)
            {
                foreach (var t in Expand(local.VariableType))
                {
                    yield return t;
                }
            }

            foreach (var instruction in method.Body.Instructions)
            {
                var found = instruction.Operand switch
                {
                    TypeReference t => Expand(t),
                    MethodReference m => Method(m),
                    FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
                    _ => [],
                };
                foreach (var t in found)
                {
                    yield return t;
                }
            }
        }
    }
}
