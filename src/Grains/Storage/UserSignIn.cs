using MpWriter.Grains.Identity;

namespace MpWriter.Grains.Storage;

public sealed record UserSignIn(UserProfile User, bool Created);
