import type { TfAttribute, TfModule, TfResource } from '../terraform/model-types';
import { resourceTypeOf, trace } from './trace';

// "This attribute is `<type>.<name>.<path>` of one managed, single-instance resource": the link rules follow from a
// pool to its subnet and from a subnet to its VNet. Shared so the network and DNS rules resolve them the same way.

/** The resource `attr` traces to as `<type>.<name>.<path>`, or undefined (Unknown, another type, an instance, a collection). */
export function tracedResource(module: TfModule, attr: TfAttribute | undefined, type: string, path: string): TfResource | undefined {
  if (!attr) return undefined;
  const t = trace(module, attr.expr, attr.file);
  if (t?.kind !== 'ref' || t.instance || resourceTypeOf(t.address) !== type || t.path.join('.') !== path) return undefined;
  const resource = t.module.resource(t.address);
  return resource && resource.mode === 'managed' && !resource.isCollection ? resource : undefined;
}

/** The azurerm_virtual_network a subnet resource belongs to (virtual_network_name = V.name). */
export function vnetOfSubnet(subnet: TfResource): TfResource | undefined {
  return tracedResource(subnet.module, subnet.attribute('virtual_network_name'), 'azurerm_virtual_network', 'name');
}
