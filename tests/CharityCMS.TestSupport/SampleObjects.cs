using System.Collections;
using System.Reflection;

namespace CharityCMS.TestSupport;

/// <summary>
/// Builds a filled-in instance of any document or event type by reflection, so tests that must
/// cover every type (tenant isolation) pick up a new type without being edited.
/// </summary>
public static class SampleObjects
{
    public static object Create(Type type) => Create(type, depth: 0);

    private static object Create(Type type, int depth)
    {
        if (depth > 8) throw new InvalidOperationException($"{type} nests too deeply to sample.");
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Create(underlying, depth);
        if (type == typeof(string)) return "sample-" + Guid.NewGuid().ToString("N")[..8];
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(int)) return 7;
        if (type == typeof(long)) return 7L;
        if (type == typeof(byte)) return (byte)7;
        if (type == typeof(decimal)) return 7m;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        if (type == typeof(DateTime)) return new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        if (type == typeof(DateOnly)) return new DateOnly(1990, 1, 2);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(7);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        if (type.IsArray) return ListOf(type.GetElementType()!, depth, array: true);
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.GetGenericArguments()[0];
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlySet<>) || definition == typeof(ISet<>) || definition == typeof(HashSet<>))
                return Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(element), ListOf(element, depth, array: false))!;
            return ListOf(element, depth, array: false);
        }
        return Construct(type, depth);
    }

    private static object ListOf(Type element, int depth, bool array)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
        list.Add(Create(element, depth + 1));
        if (!array) return list;
        var result = Array.CreateInstance(element, 1);
        list.CopyTo(result, 0);
        return result;
    }

    private static object Construct(Type type, int depth)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault() ?? throw new InvalidOperationException($"{type} has no public constructor to sample.");
        var instance = constructor.Invoke(constructor.GetParameters().Select(p => Create(p.ParameterType, depth + 1)).ToArray());
        if (constructor.GetParameters().Length == 0)
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetSetMethod() is not null))
                property.SetValue(instance, Create(property.PropertyType, depth + 1));
        }
        return instance;
    }
}
