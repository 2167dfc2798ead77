import { tf } from '../kit/fixture';
import { ruleTests } from '../kit/rule-tester';
import { rule } from './hcl-syntax';

ruleTests(rule, {
  valid: [
    { files: tf`
      resource "azurerm_resource_group" "rg" {
        name     = "rg-aks"
        location = "westeurope"
      }
    `, doc: true },
    tf`
      --- terraform.tfvars
      location = "westeurope"
    `,
  ],
  invalid: [
    {
      name: 'missing value',
      doc: true,
      files: tf`
        resource "azurerm_resource_group" "rg" {
          name =
        #      ^ error
        }
      `,
    },
  ],
});
