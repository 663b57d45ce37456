namespace MpWriter.Grains.Audit;

public static class AuditKinds
{
    public const string SignIn = "sign-in";
    public const string SignOut = "sign-out";
    public const string CsrfFailure = "csrf-failure";
    public const string PermissionDenied = "permission-denied";
    public const string CreditMovement = "credit-movement";
    public const string RefreshReuse = "refresh-reuse";
}
