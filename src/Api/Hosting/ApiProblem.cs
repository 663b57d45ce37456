using Microsoft.AspNetCore.Mvc;

namespace MpWriter.Api.Hosting;

/// <summary>
/// An RFC 7807 answer written through <see cref="IProblemDetailsService"/>, so every error, wherever it comes
/// from, carries the same correlation id and nothing internal.
/// </summary>
public sealed class ApiProblem(ProblemDetails problem) : IResult
{
    public ProblemDetails Problem { get; } = problem;

    public static ApiProblem Status(int status, string title, string? detail = null) =>
        new(new ProblemDetails { Status = status, Title = title, Detail = detail });

    public static ApiProblem BadRequest(string title, string? detail = null) => Status(StatusCodes.Status400BadRequest, title, detail);

    public static ApiProblem NotFound(string title) => Status(StatusCodes.Status404NotFound, title);

    public static ApiProblem Conflict(string title, string? detail = null) => Status(StatusCodes.Status409Conflict, title, detail);

    public static ApiProblem Validation(IDictionary<string, string[]> errors) =>
        new(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields.",
        });

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = Problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = Problem });
    }
}
