using Xunit.Abstractions;
using Xunit.Sdk;

namespace HaproxyNet.Testing.Goldens;

/// <summary>Turns the data rows of excluded goldens into skipped test cases (see <see cref="GoldenTheoryAttribute"/>).</summary>
public sealed class GoldenTheoryDiscoverer : TheoryDiscoverer
{
    public GoldenTheoryDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        var scope = theoryAttribute.GetNamedArgument<GoldenScope>(nameof(GoldenTheoryAttribute.Scope));
        if (dataRow.Length > 0 && dataRow[0] is string name && GoldenCatalog.ExclusionReason(name, scope) is { } reason)
        {
            return CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason);
        }

        return base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
