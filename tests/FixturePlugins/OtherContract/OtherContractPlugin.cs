using Platform.Abstractions.Plugins;

namespace Platform.Plugins.OtherContract;

public sealed class OtherContractPlugin : IPlugin
{
    public string RenamedHook() => "v2";
}
