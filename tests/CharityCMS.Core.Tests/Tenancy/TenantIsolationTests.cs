using CharityCMS.Reporting;
using CharityCMS.SignIn;
using CharityCMS.Storage;
using CharityCMS.TestSupport;
using CharityCMS.Workspaces;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;

namespace CharityCMS.Core.Tests.Tenancy;

/// <summary>
/// Whatever one charity writes, another cannot read: checked for every document and event type the
/// store knows, found by reflection, so a new type is covered the day it is added.
/// </summary>
public class TenantIsolationTests : DomainDatabase
{
    private const string WorkspaceA = "isolation-a";
    private const string WorkspaceB = "isolation-b";

    /// <summary>Platform-wide by design: sign-in reads them before any workspace is known. Nothing else may be.</summary>
    private static readonly Type[] PlatformWide = [typeof(Workspace), typeof(Member), typeof(WorkspaceChoice), typeof(ClientCount), typeof(DataProtectionKey), typeof(SignInSession)];

    public static TheoryData<string> TenantedDocumentTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in DocumentTypes().Where(t => !PlatformWide.Contains(t))) data.Add(type.FullName!);
        return data;
    }

    public static TheoryData<string> EventTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in WorkspaceEvent.AllTypes) data.Add(type.FullName!);
        return data;
    }

    [Fact]
    public void Only_the_listed_platform_documents_are_shared_between_workspaces()
    {
        var shared = ((IReadOnlyStoreOptions)Store.Options).AllKnownDocumentTypes()
            .Where(t => t.TenancyStyle != TenancyStyle.Conjoined && t.DocumentType.Assembly == typeof(WorkspaceEvent).Assembly)
            .Select(t => t.DocumentType)
            .ToHashSet();
        Assert.Equal(PlatformWide.ToHashSet(), shared);
    }

    [Theory]
    [MemberData(nameof(TenantedDocumentTypes))]
    public async Task A_document_written_in_one_workspace_is_invisible_from_another(string typeName)
    {
        var type = DocumentTypes().Single(t => t.FullName == typeName);
        var document = SampleObjects.Create(type);
        var id = type.GetProperty("Id")!.GetValue(document)!;

        await using (var a = Store.LightweightSession(WorkspaceA))
        {
            a.Store(document);
            await a.SaveChangesAsync();
        }

        await using var b = Store.QuerySession(WorkspaceB);
        Assert.Null(await LoadAsync(b, type, id));
        Assert.Equal(0, await CountAsync(b, type));

        await using var sameWorkspace = Store.QuerySession(WorkspaceA);
        Assert.NotNull(await LoadAsync(sameWorkspace, type, id));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public async Task An_event_appended_in_one_workspace_is_invisible_from_another(string typeName)
    {
        var type = WorkspaceEvent.AllTypes.Single(t => t.FullName == typeName);
        var streamId = Guid.NewGuid();
        await using (var a = Store.LightweightSession(WorkspaceA))
        {
            a.Events.Append(streamId, StreamStartingWith(type).Select(SampleObjects.Create).ToArray());
            await a.SaveChangesAsync();
        }

        await using var b = Store.QuerySession(WorkspaceB);
        Assert.Empty(await b.Events.FetchStreamAsync(streamId));
        Assert.Null(await b.Events.FetchStreamStateAsync(streamId));
        Assert.Equal(0, await b.Events.QueryAllRawEvents().Where(e => e.StreamId == streamId).CountAsync());

        await using var sameWorkspace = Store.QuerySession(WorkspaceA);
        Assert.Contains(await sameWorkspace.Events.FetchStreamAsync(streamId), e => e.EventType == type);
    }

    /// <summary>
    /// The events a stream needs so that <paramref name="eventType"/> can be applied: an aggregate
    /// that folds it in must first have been created by its own starting event.
    /// </summary>
    private static IEnumerable<Type> StreamStartingWith(Type eventType)
    {
        var aggregate = typeof(WorkspaceEvent).Assembly.GetTypes()
            .FirstOrDefault(t => t.GetMethods().Any(m => m.Name == "Apply" && m.GetParameters().FirstOrDefault()?.ParameterType == eventType));
        var create = aggregate?.GetMethods().FirstOrDefault(m => m.Name == "Create" && m.IsStatic);
        if (create is not null) yield return create.GetParameters()[0].ParameterType;
        yield return eventType;
    }

    private static IEnumerable<Type> DocumentTypes()
    {
        using var store = DocumentStore.For(o => CharityCMS.Storage.CharityStore.Configure(o, "Host=unused"));
        return ((IReadOnlyStoreOptions)store.Options).AllKnownDocumentTypes().Select(t => t.DocumentType).Where(t => t.Assembly == typeof(WorkspaceEvent).Assembly).ToList();
    }

    private static async Task<object?> LoadAsync(IQuerySession session, Type type, object id)
    {
        var method = typeof(IQuerySession).GetMethods()
            .Single(m => m.Name == nameof(IQuerySession.LoadAsync) && m.GetParameters().Length == 2 && m.GetParameters()[0].ParameterType == (id is Guid ? typeof(Guid) : typeof(string)))
            .MakeGenericMethod(type);
        var task = (Task)method.Invoke(session, [id, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static async Task<int> CountAsync(IQuerySession session, Type type)
    {
        var rows = await session.AdvancedSql.QueryAsync<int>(
            $"select count(*)::int from {session.DocumentStore.Options.Schema.For(type)} where tenant_id = ?", default, session.TenantId);
        return rows.Single();
    }
}
