using CharityCMS.Web.Access;
using CharityCMS.Web.Donations;
using CharityCMS.Web.Grants;
using CharityCMS.Web.Jobs;
using CharityCMS.Web.Referrals;
using CharityCMS.Web.Shell;
using CharityCMS.Web.Storage;

var builder = WebApplication.CreateBuilder(args);
// Serves MudBlazor's and the app's static files from an unpublished build in any environment.
builder.WebHost.UseStaticWebAssets();

builder.AddCharityStore();
builder.AddCharityAccess();
builder.AddCharityJobs();
builder.AddCharityShell();
builder.AddSelfReferrals();
builder.AddGiving();

var app = builder.Build();

app.UseCharityShell();
app.UseGiving();
app.UseSelfReferrals();
app.MapCharityAccess();
app.MapCharityStore();
app.MapCharityJobs();
app.MapFunderReturnExports();
app.MapGrantDocuments();
app.MapStripeWebhooks();
app.MapGiftAidExports();
app.MapCharityPages();

app.Run();

/// <summary>The host's entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
