using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MpWriter.Grains.Hosting;

/// <summary>A silo keeping documents in MongoDB needs its connection string; front ends never touch documents.</summary>
public sealed class MongoSettingsValidator(IConfiguration configuration) : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings options) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(DocumentsSettings.MongoConnectionStringName))
            ? ValidateOptionsResult.Fail(
                "ConnectionStrings:MongoDb (environment variable ConnectionStrings__MongoDb) is missing: the MongoDB for users, the ledger and audit events, e.g. mongodb://mongo:27017")
            : ValidateOptionsResult.Success;
}
