using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Tenant;

/// <summary>A message added at run time: kept whole, since it cannot be regenerated.</summary>
internal sealed record PostedMessage(MessageContent Content, byte[] Mime);
